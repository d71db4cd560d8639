import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Select, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { describeError, errorCode, fieldErrorsOf } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useViewer } from '../../../app/viewer';
import { TicketCategory, TicketPriority, CreateTicketDocument } from '../../../generated/graphql';
import { CustomerSelect } from '../../users/components/CustomerSelect';
import { syncTicketIntoLists } from '../ticket-cache';

const FORM_FIELDS = ['title', 'description', 'priority', 'category', 'tags', 'customerId'];

const newKey = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

/** Customers open a ticket for themselves; admins open one for a customer. Field errors come from the API. */
export function NewTicketPage() {
  const { t } = useI18n();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [createTicket, { loading }] = useMutation(CreateTicketDocument);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<TicketPriority>(TicketPriority.Medium);
  const [category, setCategory] = useState<TicketCategory | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  // Retrying the same submission (e.g. after a network error) must not open a second ticket.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);

  const fieldError = (field: string) => fieldErrors[field]?.join(', ');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const missing: Record<string, string[]> = {};
    if (!category) missing.category = [t('newTicket.required')];
    if (viewer.isAdmin && !customerId) missing.customerId = [t('newTicket.required')];
    if (Object.keys(missing).length > 0) return setFieldErrors(missing);
    setFieldErrors({});
    try {
      const { data } = await createTicket({
        variables: {
          input: {
            title,
            description,
            priority,
            category: category as TicketCategory,
            tags: tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean),
            customerId: viewer.isAdmin ? customerId : undefined,
            idempotencyKey,
          },
        },
        update: (cache, { data: created }) => {
          if (created) syncTicketIntoLists(cache, created.createTicket.id);
        },
      });
      if (!data) throw new Error('No data in the createTicket response');
      notifications.show({ color: 'green', message: t('newTicket.created', { number: data.createTicket.number }) });
      navigate(`/tickets/${data.createTicket.number}`);
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      if (errorCode(caught) === 'BAD_USER_INPUT') setIdempotencyKey(newKey());
      setFieldErrors(fields);
      const unplaced = Object.keys(fields).filter((field) => !FORM_FIELDS.includes(field));
      if (Object.keys(fields).length === 0 || unplaced.length > 0) setError(describeError(caught, t));
      else setError(t('newTicket.fixErrors'));
    }
  };

  return (
    <Paper withBorder radius="md" p="xl" maw={720} mx="auto">
      <Title order={1} size="h3">
        {t('newTicket.title')}
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        {viewer.isAdmin ? t('newTicket.introAdmin') : t('newTicket.intro')}
      </Text>
      <form onSubmit={onSubmit} noValidate data-testid="new-ticket-form">
        <Stack gap="sm">
          {viewer.isAdmin && <CustomerSelect value={customerId} onChange={setCustomerId} error={fieldError('customerId')} />}
          <TextInput
            label={t('newTicket.subject')}
            placeholder={t('newTicket.subjectPlaceholder')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError('title')}
          />
          <Textarea
            label={t('newTicket.description')}
            required
            autosize
            minRows={5}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError('description')}
          />
          <Group grow align="flex-start">
            <Select
              label={t('newTicket.priority')}
              value={priority}
              allowDeselect={false}
              onChange={(value) => value && setPriority(value as TicketPriority)}
              data={Object.values(TicketPriority).map((p) => ({ value: p, label: t(`priority.${p}`) }))}
              error={fieldError('priority')}
            />
            <Select
              label={t('newTicket.category')}
              placeholder={t('newTicket.categoryPlaceholder')}
              required
              value={category}
              onChange={(value) => setCategory(value as TicketCategory | null)}
              data={Object.values(TicketCategory).map((c) => ({ value: c, label: t(`category.${c}`) }))}
              error={fieldError('category')}
            />
          </Group>
          <TagsInput
            label={t('newTicket.tags')}
            description={t('ticket.tagsHint')}
            value={tags}
            onChange={setTags}
            error={fieldError('tags')}
            clearable
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={loading}>
              {t('newTicket.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorCode, errorReason } from '../../../app/errors';
import { useFormErrors } from '../../../app/form-errors';
import { usePresetTags } from '../../settings/hooks/usePresetTags';
import { useI18n } from '../../../app/i18n';
import { TagField } from '../../../app/ui/TagField';
import { lengthError, LIMITS, normalizeTags, tagsError } from '../../../app/validation';
import { useViewer } from '../../../app/viewer';
import { CreateTicketDocument, TicketCategory, TicketChannel, TicketPriority } from '../../../generated/graphql';
import { CustomerField, type CustomerChoice } from '../../users/components/CustomerField';
import { syncTicketIntoLists } from '../ticket-cache';

const FORM_FIELDS = ['title', 'description', 'priority', 'category', 'tags', 'customerId', 'channel', 'newCustomer.name', 'newCustomer.email'];
/** Where a ticket staff open came from. */
const STAFF_CHANNELS = [TicketChannel.Phone, TicketChannel.Email, TicketChannel.Web] as const;

const newKey = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

/** Customers open a ticket for themselves; staff open one for a customer (existing or new). Field errors come from the API. */
export function NewTicketPage() {
  const { t } = useI18n();
  const presetTags = usePresetTags();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [createTicket, { loading }] = useMutation(CreateTicketDocument);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<TicketPriority>(TicketPriority.Medium);
  const [category, setCategory] = useState<TicketCategory | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [customer, setCustomer] = useState<CustomerChoice>({ mode: 'existing', customerId: null });
  const [channel, setChannel] = useState<TicketChannel>(TicketChannel.Phone);
  const errors = useFormErrors(FORM_FIELDS);
  // Retrying the same submission (e.g. after a network error) must not open a second ticket.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);

  const fieldError = errors.fieldError;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      customerId: viewer.isStaff && customer.mode === 'existing' && !customer.customerId ? t('validation.required') : null,
      'newCustomer.name': viewer.isStaff && customer.mode === 'new' && !customer.name.trim() ? t('validation.required') : null,
      'newCustomer.email': viewer.isStaff && customer.mode === 'new' && !customer.email.trim() ? t('validation.required') : null,
      title: lengthError(title, LIMITS.titleMin, LIMITS.titleMax, t),
      description: lengthError(description, 1, LIMITS.descriptionMax, t),
      category: category ? null : t('validation.required'),
      tags: tagsError(tags, t),
    };
    if (errors.check(found)) return;
    try {
      const { data } = await createTicket({
        variables: {
          input: {
            title,
            description,
            priority,
            category: category as TicketCategory,
            tags: normalizeTags(tags),
            customerId: viewer.isStaff && customer.mode === 'existing' ? customer.customerId : undefined,
            newCustomer: viewer.isStaff && customer.mode === 'new' ? { name: customer.name.trim(), email: customer.email.trim() } : undefined,
            channel: viewer.isStaff ? channel : undefined,
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
      if (errorCode(caught) === 'BAD_USER_INPUT') setIdempotencyKey(newKey());
      if (errorReason(caught) === 'MEMBER_EXISTS') errors.check({ 'newCustomer.email': t('newTicket.customerExists') });
      else errors.fail(caught);
    }
  };

  return (
    <Paper withBorder radius="md" p="xl" maw={720} mx="auto">
      <Title order={1} size="h3">
        {t('newTicket.title')}
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        {viewer.isStaff ? t('newTicket.introStaff') : t('newTicket.intro')}
      </Text>
      <form onSubmit={onSubmit} noValidate data-testid="new-ticket-form">
        <Stack gap="sm">
          {viewer.isStaff && <CustomerField value={customer} onChange={setCustomer} fieldError={fieldError} />}
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
            {/* Priority and tags are staff triage data: customers neither set nor see them. */}
            {viewer.isStaff && (
              <Select
                label={t('newTicket.priority')}
                value={priority}
                allowDeselect={false}
                onChange={(value) => value && setPriority(value as TicketPriority)}
                data={Object.values(TicketPriority).map((p) => ({ value: p, label: t(`priority.${p}`) }))}
                error={fieldError('priority')}
              />
            )}
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
          {viewer.isStaff && (
            <Select
              label={t('newTicket.channel')}
              value={channel}
              allowDeselect={false}
              onChange={(value) => value && setChannel(value as TicketChannel)}
              data={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
              error={fieldError('channel')}
            />
          )}
          {viewer.isStaff && <TagField label={t('newTicket.tags')} suggestions={presetTags} value={tags} onChange={setTags} error={fieldError('tags')} />}
          {errors.message && (
            <Alert color="red" role="alert">
              {errors.message}
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

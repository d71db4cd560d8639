import { useMutation } from '@apollo/client/react';
import { ActionIcon, Alert, Anchor, Button, Group, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useFormErrors } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { SlaSettingsDocument, SetBusinessCalendarDocument, type BusinessCalendarFieldsFragment, type SlaSettingsQuery } from '../../../generated/graphql';
import { calendarInput, DEFAULT_WINDOW, formFromCalendar, placeWindowErrors, timezoneOptions, WEEKDAYS, weekdayName, windowErrors, type CalendarForm } from '../business-hours';
import { forgetTicketSlaData } from '../sla-cache';
import { HolidayList } from './HolidayList';

/** Business hours: the timezone, opening windows per weekday, and holidays. */
export function BusinessHoursForm({ calendar }: { calendar: BusinessCalendarFieldsFragment }) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<CalendarForm>(() => formFromCalendar(calendar));
  const formErrors = useFormErrors();
  const errors = Object.fromEntries(Object.entries(formErrors.fields).map(([field, messages]) => [field, messages.join(' ')]));
  const [save, { loading }] = useMutation(SetBusinessCalendarDocument);
  const zones = useMemo(() => timezoneOptions(form.timezone), [form.timezone]);

  const setDay = (day: number, windows: CalendarForm['week'][number]) => setForm((f) => ({ ...f, week: { ...f.week, [day]: windows } }));

  const onSave = async () => {
    if (formErrors.check(windowErrors(form, t('businessHours.closeAfterOpen')))) return;
    const { input, positions } = calendarInput(form);
    try {
      await save({
        variables: { input },
        update: (cache, { data }) => {
          // The calendar has no id of its own: put the saved one where the settings query reads it.
          if (data) cache.updateQuery<SlaSettingsQuery>({ query: SlaSettingsDocument }, (current) => current && { ...current, businessCalendar: data.setBusinessCalendar });
          forgetTicketSlaData(cache);
        },
      });
      notifications.show({ color: 'green', message: t('businessHours.saved') });
    } catch (caught) {
      formErrors.fail(caught, (fields) => {
        const placed: Record<string, string[]> = Object.fromEntries(Object.entries(placeWindowErrors(fields, positions)).map(([key, text]) => [key, [text]]));
        if (fields.timezone) placed.timezone = fields.timezone;
        const holidayErrors = Object.entries(fields).filter(([field]) => field.startsWith('holidays'));
        if (holidayErrors.length > 0) placed.holidays = holidayErrors.flatMap(([, messages]) => messages);
        return placed;
      });
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="business-hours">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            {t('businessHours.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('businessHours.intro')}
          </Text>
        </div>
        <Select
          label={t('businessHours.timezone')}
          searchable
          allowDeselect={false}
          maw={360}
          value={form.timezone}
          data={zones}
          limit={200}
          nothingFoundMessage={t('businessHours.noTimezone')}
          onChange={(value) => value && setForm((f) => ({ ...f, timezone: value }))}
          error={errors.timezone}
        />
        <Stack gap={6} role="group" aria-label={t('businessHours.openingHours')}>
          <Text size="sm" fw={500}>
            {t('businessHours.openingHours')}
          </Text>
          {WEEKDAYS.map((day) => {
            const windows = form.week[day];
            const name = weekdayName(day, locale);
            return (
              // On a narrow screen the opening windows wrap below the day's switch.
              <Group key={day} align="flex-start" wrap="wrap" gap="md" style={{ rowGap: 4 }} data-testid={`weekday-${day}`} className="weekday-row">
                <Switch
                  w={170}
                  mt={6}
                  label={name}
                  checked={windows.length > 0}
                  onChange={(event) => setDay(day, event.currentTarget.checked ? [{ ...DEFAULT_WINDOW }] : [])}
                  aria-label={t('businessHours.openOn', { day: name })}
                />
                {windows.length === 0 ? (
                  <Text size="sm" c="dimmed" mt={6}>
                    {t('businessHours.closed')}
                  </Text>
                ) : (
                  <Stack gap={4}>
                    {windows.map((window, slot) => (
                      <Group key={slot} gap="xs" wrap="nowrap" align="flex-start">
                        <TextInput
                          type="time"
                          aria-label={t('businessHours.opens', { day: name })}
                          value={window.open}
                          w={124}
                          onChange={(e) => setDay(day, windows.map((w, i) => (i === slot ? { ...w, open: e.currentTarget.value } : w)))}
                          error={!!errors[`${day}.${slot}`]}
                        />
                        <Text size="sm" mt={6}>
                          –
                        </Text>
                        <TextInput
                          type="time"
                          aria-label={t('businessHours.closes', { day: name })}
                          value={window.close}
                          w={124}
                          onChange={(e) => setDay(day, windows.map((w, i) => (i === slot ? { ...w, close: e.currentTarget.value } : w)))}
                          error={errors[`${day}.${slot}`]}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          mt={4}
                          aria-label={t('businessHours.removeWindow', { day: name })}
                          onClick={() => setDay(day, windows.filter((_, i) => i !== slot))}
                        >
                          ×
                        </ActionIcon>
                      </Group>
                    ))}
                    <Anchor
                      component="button"
                      type="button"
                      size="xs"
                      ta="left"
                      onClick={() => setDay(day, [...windows, { open: windows.at(-1)?.close ?? DEFAULT_WINDOW.open, close: '23:59' }])}
                    >
                      {t('businessHours.addWindow')}
                    </Anchor>
                  </Stack>
                )}
              </Group>
            );
          })}
        </Stack>
        <HolidayList holidays={form.holidays} onChange={(holidays) => setForm((f) => ({ ...f, holidays }))} error={errors.holidays} />
        {formErrors.message && (
          <Alert color="red" role="alert">
            {formErrors.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void onSave()} loading={loading}>
            {t('businessHours.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

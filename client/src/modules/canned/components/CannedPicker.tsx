import { Anchor, Loader, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import type { CannedSlash } from '../hooks/useCannedSlash';

export const CANNED_PICKER_ID = 'canned-picker';

/** The list the reply box's `/` command opens: matching canned responses, the active one marked. */
export function CannedPicker({ slash }: { slash: CannedSlash }) {
  const { t } = useI18n();
  if (!slash.open) return null;
  return (
    <Paper withBorder shadow="sm" p={4} data-testid="canned-picker">
      <Text size="xs" c="dimmed" px={6} pb={2}>
        {t('canned.pickerHint')}
      </Text>
      {slash.loading && slash.matches.length === 0 ? (
        <Loader size="xs" m={6} aria-label={t('app.loading')} />
      ) : slash.matches.length === 0 ? (
        <Text size="sm" px={6} py={4}>
          {t('canned.pickerEmpty', { query: slash.query })}
        </Text>
      ) : (
        <Stack gap={0} role="listbox" id={CANNED_PICKER_ID} aria-label={t('canned.picker')}>
          {slash.matches.map((item, index) => (
            <UnstyledButton
              key={item.id}
              id={`${CANNED_PICKER_ID}-${index}`}
              role="option"
              aria-selected={index === slash.active}
              data-testid="canned-option"
              px={6}
              py={4}
              style={{ borderRadius: 4, background: index === slash.active ? 'var(--mantine-color-indigo-0)' : undefined }}
              // Keep the focus in the reply box.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void slash.choose(item)}
            >
              <Text size="sm" fw={600}>
                {item.title}
              </Text>
              <Text size="xs" c="dark.5" lineClamp={1}>
                {item.body}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      )}
      <Anchor component={Link} to="/canned-responses" size="xs" px={6} c="indigo.8" onMouseDown={(e) => e.preventDefault()}>
        {t('canned.manage')}
      </Anchor>
    </Paper>
  );
}

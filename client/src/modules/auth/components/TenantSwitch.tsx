import { useMutation } from '@apollo/client/react';
import { Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { SwitchTenantDocument, type MeQuery } from '../../../generated/graphql';
import { useSessionActions } from '../hooks/useSessionActions';

/** The current organization; users with several memberships switch here. */
export function TenantSwitch({ me }: { me: MeQuery['me'] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { startSession } = useSessionActions();
  const [switchTenant, { loading }] = useMutation(SwitchTenantDocument);

  if (me.memberships.length < 2) {
    return (
      <Text size="sm" fw={500} title={t('header.tenant')} visibleFrom="sm">
        {me.tenant.name}
      </Text>
    );
  }

  const onSwitch = async (tenantSlug: string | null) => {
    if (!tenantSlug || tenantSlug === me.tenant.slug) return;
    try {
      const { data } = await switchTenant({ variables: { tenantSlug } });
      if (!data) throw new Error('No data in the switchTenant response');
      // The other organization has other tickets: start from its start page.
      navigate('/', { replace: true });
      await startSession(data.switchTenant);
    } catch (caught) {
      notifications.show({ color: 'red', message: describeError(caught, t) });
    }
  };

  return (
    <Select
      size="xs"
      w={180}
      aria-label={t('header.switchTenant')}
      title={t('header.switchTenant')}
      value={me.tenant.slug}
      disabled={loading}
      allowDeselect={false}
      onChange={(value) => void onSwitch(value)}
      data={me.memberships.map((membership) => ({
        value: membership.tenant.slug,
        label: `${membership.tenant.name} · ${t(`role.${membership.role}`)}`,
      }))}
    />
  );
}

import { Center, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { LanguageSwitch } from '../../../app/layout/LanguageSwitch';

/** The frame of the signed-out pages: sign-in, password reset, sign-up and email confirmation. */
export function AuthCard({ title, intro, children, width = 400 }: { title: string; intro?: string; children: ReactNode; width?: number }) {
  const { t } = useI18n();
  return (
    <Center mih="100vh" p="md" className="login-page" component="main">
      <Paper withBorder shadow="md" radius="md" p="xl" w={width} maw="100%">
        <Group justify="space-between" mb="lg">
          <Text fw={800} size="lg" c="indigo.7">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
        <Title order={1} size="h2">
          {title}
        </Title>
        {intro && (
          <Text c="dimmed" size="sm" mb="md">
            {intro}
          </Text>
        )}
        {children}
      </Paper>
    </Center>
  );
}

import { Alert, Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchProjects } from '../../api/catalogue';
import { fetchEscalationMatrix } from '../../api/content';
import { useMe } from '../../api/session';
import { useFormatDate, useRequestTypes } from './shared';

export type NoticeFor = 'home' | 'support' | 'consulting';
type Obstacle = 'maintenanceExpired' | 'maintenanceNone' | 'noProject';

/**
 * What stops this company from opening a demande (R1: no maintenance contract running; Consulting:
 * no project), known before anyone types. `blocked` says whether the form of `desk` can be sent.
 */
export function useContractObstacles(desk: NoticeFor) {
  const me = useMe();
  const catalogue = useRequestTypes();
  const projects = useQuery({
    queryKey: ['projects', me.companyId],
    queryFn: () => fetchProjects(me.companyId ?? ''),
    enabled: desk !== 'support' && me.companyId !== null,
  });
  const maintenance = catalogue.data?.maintenance;
  const obstacles: Obstacle[] = [];
  if (maintenance?.state === 'expired') obstacles.push('maintenanceExpired');
  if (maintenance?.state === 'none') obstacles.push('maintenanceNone');
  const activeProjects = (projects.data?.items ?? []).filter((p) => p.active);
  if (desk !== 'support' && projects.data && activeProjects.length === 0) obstacles.push('noProject');
  return { obstacles, endedOn: maintenance?.endedOn ?? null, blocked: obstacles.length > 0 };
}

/** The obstacles of `useContractObstacles`, each explained with whom to contact (escalation matrix). */
export function ContractNotice({ desk }: { desk: NoticeFor }) {
  const { t } = useTranslation();
  const format = useFormatDate();
  const { obstacles, endedOn } = useContractObstacles(desk);
  const matrix = useQuery({
    queryKey: ['escalation-matrix'],
    queryFn: fetchEscalationMatrix,
    enabled: obstacles.length > 0,
  });
  if (obstacles.length === 0) return null;
  const contact = matrix.data?.levels[0];
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('portal:contract.title')}
      // The light orange background leaves too little contrast for orange text: title and links dark.
      styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}
      data-testid="contract-notice"
    >
      {obstacles.map((obstacle) => (
        <Text key={obstacle} size="sm" mb="xs">
          {t(`portal:contract.${obstacle}`, { date: format(endedOn, false) })}
        </Text>
      ))}
      {contact && (
        <Text size="sm" data-testid="contract-contact">
          {t('portal:contract.contact', { name: contact.contactName, role: contact.role })}{' '}
          {contact.email && (
            <Anchor href={`mailto:${contact.email}`} c="dark.9" underline="always">
              {contact.email}
            </Anchor>
          )}
          {contact.email && contact.phone && ' · '}
          {contact.phone && (
            <Anchor href={`tel:${contact.phone.replace(/\s/g, '')}`} c="dark.9" underline="always">
              {contact.phone}
            </Anchor>
          )}
        </Text>
      )}
    </Alert>
  );
}

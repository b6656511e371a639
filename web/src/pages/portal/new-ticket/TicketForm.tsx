import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fetchCriticalities, fetchProjects } from '../../../api/catalogue';
import { ApiError } from '../../../api/client';
import { suggestHelpArticles } from '../../../api/content';
import { useMe } from '../../../api/session';
import { createTicket, getTicket, type Ticket, ticketKeys } from '../../../api/tickets';
import { FormAlert } from '../../../components/FormAlert';
import { FileDrop, UploadProgress } from '../../../components/files/FileDrop';
import { PageLoader } from '../../../components/guards';
import { MarkdownEditor, type MarkdownEditorHandle } from '../../../components/rich-text/MarkdownEditor';
import { applyApiError } from '../../../forms/validation';
import { CommitmentsLink, CriticalityDelays } from '../../commitments/CommitmentsLink';
import { useCommitments } from '../../commitments/useCommitments';
import { ContractNotice, useContractObstacles } from '../ContractNotice';
import { useErrorText, useRequestTypes } from '../shared';
import { TypeChoice } from './TypeChoice';

export type Desk = 'support' | 'consulting';

const fieldNames = [
  'requestTypeId',
  'projectId',
  'criticality',
  'subject',
  'description',
  'softwareVersion',
  'societe',
  'module',
] as const;

/** Error codes that concern one field: shown next to it rather than above the form. */
const codeFields: Record<string, (typeof fieldNames)[number]> = {
  request_type_required: 'requestTypeId',
  request_type_unavailable: 'requestTypeId',
  flex_contract_required: 'requestTypeId',
  flex_balance_exhausted: 'requestTypeId',
  project_required: 'projectId',
};

export function TicketForm({ desk, onCreated }: { desk: Desk; onCreated: (ticket: Ticket) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const linkedTo = params.get('linkedTo');
  const [files, setFiles] = useState<File[]>([]);
  const descriptionArea = useRef<HTMLTextAreaElement>(null);
  const editor = useRef<MarkdownEditorHandle>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const catalogue = useRequestTypes();
  const contract = useContractObstacles(desk);
  const commitments = useCommitments();
  const criticalities = useQuery({
    queryKey: ['criticalities'],
    queryFn: fetchCriticalities,
    staleTime: 3_600_000,
  });
  const projects = useQuery({
    queryKey: ['projects', me.companyId],
    queryFn: () => fetchProjects(me.companyId ?? ''),
    enabled: desk === 'consulting' && me.companyId !== null,
  });
  const linked = useQuery({
    queryKey: ticketKeys.detail(linkedTo ?? ''),
    queryFn: () => getTicket(linkedTo ?? ''),
    enabled: linkedTo !== null,
  });

  const offered = (catalogue.data?.items ?? []).filter(
    (type) => type.unavailableReason !== 'flex_contract_required',
  );
  const form = useForm({
    initialValues: {
      requestTypeId: '',
      projectId: '',
      criticality: '',
      subject: '',
      description: '',
      softwareVersion: '',
      societe: '',
      module: '',
    },
    validate: {
      requestTypeId: (v) => (desk === 'support' && !v ? t('portal:newTicket.chooseType') : null),
      projectId: (v) => (desk === 'consulting' && !v ? t('portal:newTicket.chooseProject') : null),
      criticality: (v) => (v ? null : t('portal:newTicket.chooseCriticality')),
      subject: (v) =>
        v.trim().length === 0
          ? t('validation.required')
          : v.trim().length < 5
            ? t('validation.minLength', { count: 5 })
            : v.trim().length > 200
              ? t('validation.maxLength', { count: 200 })
              : null,
      description: (v) => (v.trim().length === 0 ? t('validation.required') : null),
    },
  });
  const [subject] = useDebouncedValue(form.values.subject.trim(), 350);
  const suggestions = useQuery({
    queryKey: ['help-suggest', subject],
    queryFn: () => suggestHelpArticles(subject),
    enabled: subject.length >= 3,
    staleTime: 60_000,
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setProgress(files.length > 0 ? 0 : null);
    try {
      const { ticket } = await createTicket(
        {
          desk,
          criticality: values.criticality as 'basse',
          subject: values.subject,
          description: values.description,
          descriptionFormat: 'markdown',
          softwareVersion: values.softwareVersion,
          societe: values.societe,
          module: values.module,
          ...(desk === 'support' ? { requestTypeId: values.requestTypeId } : { projectId: values.projectId }),
          ...(linkedTo ? { linkedTicketId: linkedTo } : {}),
        },
        files,
        setProgress,
      );
      void client.invalidateQueries({ queryKey: ticketKeys.lists() });
      void client.invalidateQueries({ queryKey: ['request-types'] });
      onCreated(ticket);
    } catch (error) {
      setProgress(null);
      const field = error instanceof ApiError ? codeFields[error.code] : undefined;
      if (field && error instanceof ApiError) {
        form.setFieldError(field, error.message);
        setFailure(null);
      } else {
        const message = applyApiError(error, form.setFieldError, fieldNames);
        setFailure(message && error instanceof ApiError ? message : message ? errorText(error) : null);
      }
    }
  });

  if (catalogue.isPending || criticalities.isPending) return <PageLoader />;
  const loadError = catalogue.error ?? criticalities.error ?? projects.error;
  const balance = catalogue.data?.flexBalanceMinutes ?? null;
  const projectItems = (projects.data?.items ?? []).filter((p) => p.active);

  return (
    <Stack gap="lg" maw={860}>
      <Stack gap="xs">
        <Title order={1}>
          {t(desk === 'support' ? 'portal:newTicket.titleSupport' : 'portal:newTicket.titleConsulting')}
        </Title>
        <Text>
          {t(desk === 'support' ? 'portal:newTicket.introSupport' : 'portal:newTicket.introConsulting')}
        </Text>
        <Text size="sm">
          {t(
            desk === 'support' ? 'portal:newTicket.wrongDeskSupport' : 'portal:newTicket.wrongDeskConsulting',
          )}{' '}
          <Anchor component={Link} to={desk === 'support' ? '/requests/new' : '/tickets/new'}>
            {t(desk === 'support' ? 'portal:home.newConsulting' : 'portal:home.newSupport')}
          </Anchor>
        </Text>
      </Stack>
      {linkedTo && (
        <Alert color="blue" variant="light" data-testid="linked-ticket">
          {linked.data
            ? t('portal:newTicket.linkedTo', {
                key: linked.data.ticket.key,
                subject: linked.data.ticket.subject,
              })
            : t('portal:newTicket.linkedToUnknown')}
        </Alert>
      )}
      {loadError && <FormAlert message={errorText(loadError)} />}
      <ContractNotice desk={desk} />
      {/* R1 told before any typing: the support form stays visible but disabled; without a project
          there is nothing to fill in the consulting form. */}
      {!(desk === 'consulting' && contract.blocked) && (
        <form onSubmit={submit} noValidate>
          <Fieldset variant="unstyled" disabled={contract.blocked}>
            <Stack gap="lg">
              <FormAlert message={failure} />
              {desk === 'support' ? (
                <TypeChoice
                  offered={offered}
                  balance={balance}
                  value={form.values.requestTypeId}
                  onChange={(v) => form.setFieldValue('requestTypeId', v)}
                  error={form.errors.requestTypeId}
                />
              ) : (
                <Paper withBorder p="md" radius="md">
                  {projects.isPending ? (
                    <PageLoader />
                  ) : projectItems.length === 0 ? (
                    <Text data-testid="no-project">{t('portal:newTicket.noProject')}</Text>
                  ) : (
                    <NativeSelect
                      label={t('portal:newTicket.project')}
                      description={t('portal:newTicket.projectHint')}
                      required
                      data={[
                        { value: '', label: t('portal:newTicket.projectPlaceholder') },
                        ...projectItems.map((p) => ({ value: p.id, label: p.name })),
                      ]}
                      {...form.getInputProps('projectId')}
                    />
                  )}
                </Paper>
              )}
              <Radio.Group
                label={t('portal:newTicket.criticality')}
                description={t('portal:newTicket.criticalityHint')}
                required
                {...form.getInputProps('criticality')}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                  {(criticalities.data?.items ?? []).map((c) => (
                    <Radio.Card key={c.key} value={c.key} p="md" radius="md" aria-label={c.label}>
                      <Group wrap="nowrap" align="flex-start">
                        <Radio.Indicator />
                        <div>
                          <Text fw={600}>{c.label}</Text>
                          <Text size="sm">{c.definition}</Text>
                          <Text size="sm" fw={500}>
                            <CriticalityDelays
                              delays={commitments.data?.criticalities.find(
                                (row) => row.criticality === c.key,
                              )}
                            />
                          </Text>
                        </div>
                      </Group>
                    </Radio.Card>
                  ))}
                </SimpleGrid>
                <CommitmentsLink />
              </Radio.Group>
              <Stack gap={6}>
                <TextInput
                  label={t('portal:newTicket.subject')}
                  description={t('portal:newTicket.subjectHint')}
                  required
                  maxLength={200}
                  {...form.getInputProps('subject')}
                />
                {(suggestions.data?.items.length ?? 0) > 0 && (
                  <Paper
                    withBorder
                    p="sm"
                    radius="md"
                    bg="blue.0"
                    aria-live="polite"
                    data-testid="suggestions"
                  >
                    <Text size="sm" fw={500}>
                      {t('portal:newTicket.suggestions')}
                    </Text>
                    <Stack gap={2} mt={4}>
                      {suggestions.data?.items.map((a) => (
                        <Anchor
                          key={a.slug}
                          component={Link}
                          to={`/help/${a.slug}`}
                          target="_blank"
                          size="sm"
                        >
                          {a.title}
                        </Anchor>
                      ))}
                    </Stack>
                  </Paper>
                )}
              </Stack>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={t('portal:newTicket.version')}
                  description={t('portal:newTicket.versionHint')}
                  maxLength={100}
                  {...form.getInputProps('softwareVersion')}
                />
                <TextInput
                  label={t('portal:newTicket.societe')}
                  description={t('portal:newTicket.societeHint')}
                  maxLength={200}
                  {...form.getInputProps('societe')}
                />
                <TextInput
                  label={t('portal:newTicket.module')}
                  description={t('portal:newTicket.moduleHint')}
                  maxLength={200}
                  {...form.getInputProps('module')}
                />
              </SimpleGrid>
              <MarkdownEditor
                ref={editor}
                areaRef={descriptionArea}
                label={t('portal:newTicket.description')}
                description={t('portal:newTicket.descriptionHint')}
                required
                minRows={6}
                value={form.values.description}
                onChange={(value) => form.setFieldValue('description', value)}
                error={form.errors.description}
              />
              <FileDrop
                files={files}
                onChange={setFiles}
                disabled={form.submitting}
                pasteTarget={descriptionArea}
                onPasted={(kept) => editor.current?.insertPictures(kept)}
              />
              <UploadProgress share={progress} />
              <Button type="submit" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
                {t(
                  desk === 'support' ? 'portal:newTicket.submitSupport' : 'portal:newTicket.submitConsulting',
                )}
              </Button>
            </Stack>
          </Fieldset>
        </form>
      )}
    </Stack>
  );
}

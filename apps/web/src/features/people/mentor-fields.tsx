import { Checkbox, SimpleGrid, Stack } from '@mantine/core';
import { TOPICS, type Topic } from '@/api/types';
import { useT } from '@/i18n';
import { KelurahanAssignment } from './area-fields';

export interface MentorValue {
  topics: Topic[];
  kelurahanCodes: string[];
}

export const mentorProblems = (v: MentorValue, t: (k: string) => string) => ({
  topics: v.topics.length === 0 ? t('people.mentor.topicsNone') : undefined,
  kelurahan: v.kelurahanCodes.length === 0 ? t('people.mentor.kelurahanNone') : undefined,
});

/** A mentor's topics and kelurahan, for a new mentor and for changing an assignment. */
export function MentorFields({ value, onChange, shown }: { value: MentorValue; onChange: (v: MentorValue) => void; shown: boolean }) {
  const { t } = useT();
  const problems = mentorProblems(value, t);
  return (
    <Stack gap="md">
      <Checkbox.Group label={t('people.mentor.topics')} value={value.topics} onChange={(topics) => onChange({ ...value, topics: topics as Topic[] })} error={shown && problems.topics} withAsterisk>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={6} mt={6}>
          {TOPICS.map((topic) => (
            <Checkbox key={topic} value={topic} label={t(`common.topics.${topic}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <KelurahanAssignment value={value.kelurahanCodes} onChange={(kelurahanCodes) => onChange({ ...value, kelurahanCodes })} error={shown ? problems.kelurahan : undefined} />
    </Stack>
  );
}

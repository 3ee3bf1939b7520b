import type { PeopleFilters } from './filters';

/** Query keys of the admin's people directory. */
export const peopleKeys = {
  all: ['people'] as const,
  lists: ['people', 'list'] as const,
  list: (filters: PeopleFilters) => ['people', 'list', filters] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
};

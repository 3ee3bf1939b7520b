import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap, type Schemas } from '@/api/client';
import { queryOf, type PeopleFilters } from './filters';
import { peopleKeys } from './keys';

export type Person = Schemas['UserView'];
export type NewPerson = Schemas['CreateUserDto'];
export type PersonChange = Schemas['UpdateUserDto'];
export type RolesChange = Schemas['SetRolesDto'];

export function usePeople(filters: PeopleFilters) {
  const query = queryOf(filters);
  return useInfiniteQuery({
    queryKey: peopleKeys.list(filters),
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/users', { params: { query: { ...query, limit: 20, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: peopleKeys.detail(id), queryFn: () => unwrap(api.GET('/api/users/{id}', { params: { path: { id } } })) });
}

/** Every change answers the person as they are now: keep it, and let the lists read again. */
function useStore() {
  const client = useQueryClient();
  return (person: Person) => {
    client.setQueryData(peopleKeys.detail(person.id), person);
    void client.invalidateQueries({ queryKey: peopleKeys.lists });
  };
}

export function useCreatePerson() {
  const store = useStore();
  return useMutation({
    mutationFn: (body: NewPerson) => unwrap(api.POST('/api/users', { body, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSuccess: store,
  });
}

export function useUpdatePerson(id: string) {
  const store = useStore();
  return useMutation({ mutationFn: (body: PersonChange) => unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })), onSuccess: store });
}

export function useSetRoles(id: string) {
  const store = useStore();
  return useMutation({ mutationFn: (body: RolesChange) => unwrap(api.PUT('/api/users/{id}/roles', { params: { path: { id } }, body })), onSuccess: store });
}

export function useSetDisabled(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (disabled: boolean) =>
      unwrap(disabled ? api.POST('/api/users/{id}/disable', { params: { path: { id } } }) : api.POST('/api/users/{id}/enable', { params: { path: { id } } })),
    onSuccess: store,
  });
}

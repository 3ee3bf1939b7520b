import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Me, UpdateMe } from '@/api/types';
import { meKey } from '@/lib/auth';
import type { Lang } from '@/lib/datetime';
import { setLang } from '@/i18n';

export const preferencesKey = ['notification-preferences'] as const;

/** PATCH /api/me: the answer is the new `me`; a changed language switches the screens too. */
export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMe) => unwrap<Me>(api.PATCH('/api/me', { body })),
    onSuccess: async (me) => {
      client.setQueryData(meKey, me);
      // The notification preferences show the same language: read it again next time.
      void client.invalidateQueries({ queryKey: preferencesKey });
      await setLang(me.locale);
    },
  });
}

/** The header's language menu: switch at once, and keep the choice on the account when logged in. */
export function useChooseLanguage() {
  const update = useUpdateMe();
  const client = useQueryClient();
  return (lang: Lang) => {
    void setLang(lang);
    const me = client.getQueryData<Me>(meKey);
    if (me && me.locale !== lang) update.mutate({ locale: lang });
  };
}

import { loadAllText } from '@/i18n';

/**
 * What every page after the first screen brings with it: Mantine's full stylesheet and the rest of the text.
 * Lazy pages await it with their own chunk, so the first screen carries neither.
 */
export function afterFirstScreen(): Promise<unknown> {
  return Promise.all([import('@/ui/full-styles'), loadAllText()]);
}

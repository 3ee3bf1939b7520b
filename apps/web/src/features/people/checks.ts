/** What the api checks too, said before anything is sent. */
export const looksLikeEmail = (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim());
/** An Indonesian mobile number as people write it: 0812-3456-7890, +62 812 3456 7890. */
export const looksLikePhone = (v: string) => /^(\+?62|0)8\d{7,12}$/.test(v.replace(/[\s-]/g, ''));
export const blankToNull = (v: string) => (v.trim() === '' ? null : v.trim());

import { DomainError } from '@pendamping/platform';

/** The identity lib's own error codes (HTTP mapping is the platform's job). */
export const IdentityErrors = {
  // People read this one on the login screen, so it speaks Indonesian like the app does by default.
  accountDisabled: () =>
    new DomainError('ACCOUNT_DISABLED', 'Akun ini telah dinonaktifkan oleh admin. Hubungi admin Dinas untuk mengaktifkannya kembali.'),
  notYourself: (what: string) => new DomainError('NOT_YOURSELF', `An admin cannot ${what} their own account; ask another admin`),
};

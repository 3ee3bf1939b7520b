/** Query keys of the admin's delivery screens. */
export const deliveryKeys = {
  all: ['deliveries'] as const,
  failed: ['deliveries', 'failed'] as const,
};

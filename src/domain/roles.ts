/** Who a person is in the portal (R13): a customer of a company, or staff of a desk. */
export const ROLES = ['customer', 'agent', 'consultant', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The staff roles: everyone but customers. */
export const STAFF_ROLES = ['agent', 'consultant', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

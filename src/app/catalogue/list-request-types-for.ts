import { type MaintenanceStanding, maintenanceStanding } from '../admin/maintenance';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { type Availability, availabilityOf, type CompanyFlexStatus, companyFlexStatus } from './availability';
import { listRequestTypes, type RequestType } from './request-types';

export interface RequestTypeOffer {
  type: RequestType;
  availability: Availability;
}

export interface RequestTypeCatalogue {
  items: RequestTypeOffer[];
  /** The Flex balance of the company the availability was computed for, when it has one. */
  flexBalanceMinutes: number | null;
  /** The company's maintenance contract (R1), so forms can say before any typing that none runs. */
  maintenance: MaintenanceStanding | null;
}

/**
 * The request types a caller may see. Customers: the active, customer-creatable ones, each with
 * whether their company may use it now. Staff: every active type (inactive too on request), with
 * availability computed for `companyId` when given (creating a ticket on a customer's behalf).
 */
export async function listRequestTypesFor(
  ctx: AppContext,
  actor: Actor,
  input: { companyId?: string; includeInactive?: boolean } = {},
): Promise<RequestTypeCatalogue> {
  const customer = actor.role === 'customer';
  if (customer && !actor.companyId) throw new AppError('forbidden');
  const companyId = customer ? actor.companyId : input.companyId;
  const types = await listRequestTypes(ctx.db, {
    includeInactive: !customer && input.includeInactive === true,
  });
  const visible = customer ? types.filter((t) => t.creatableByCustomers) : types;
  const flex: CompanyFlexStatus | null = companyId
    ? await companyFlexStatus(ctx.db, companyId, ctx.clock.now())
    : null;
  return {
    items: visible.map((type) => ({
      type,
      availability: flex ? availabilityOf(type, flex) : { available: true, unavailableReason: null },
    })),
    flexBalanceMinutes: flex?.flexBalanceMinutes ?? null,
    maintenance: companyId ? await maintenanceStanding(ctx.db, companyId, ctx.clock.now()) : null,
  };
}

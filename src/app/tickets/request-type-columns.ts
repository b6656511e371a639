import { requestTypes } from '../../db/schema/catalogue';

/** The request type as a ticket's reader sees it: its code and its name in the three languages. */
export const requestTypeColumns = {
  id: requestTypes.id,
  code: requestTypes.code,
  nameFr: requestTypes.nameFr,
  nameDe: requestTypes.nameDe,
  nameEn: requestTypes.nameEn,
};

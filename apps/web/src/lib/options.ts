// Choices for select fields, from the contract's enums and their labels.
import { organisationTypeLabels, roleLabels, roles, OrganisationType } from '@inbreng/shared';

export const roleOptions = roles.map((value) => ({ value, label: roleLabels[value] }));
export const organisationTypeOptions = OrganisationType.options.map((value) => ({
  value,
  label: organisationTypeLabels[value],
}));

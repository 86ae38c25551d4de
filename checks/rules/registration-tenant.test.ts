import { runCheckTable } from '../testing/check-tester';
import { baseRegistration, MSI_ID, TENANT_ID } from '../testing/azure-mocks/fixtures';
import check from './registration-tenant';

const msi = { msaAppType: 'UserAssignedMSI', msaAppMSIResourceId: MSI_ID };

runCheckTable(check, {
  base: { AzureRegistration: baseRegistration },
  valid: [
    { name: 'single-tenant with tenant id', messageId: 'singleTenantOk' },
    { name: 'managed identity with tenant and identity', evidence: { AzureRegistration: msi }, messageId: 'msiOk' },
    { name: 'multi-tenant without tenant', evidence: { AzureRegistration: { msaAppType: 'MultiTenant', msaAppTenantId: undefined } }, messageId: 'multiTenantOk' },
    { name: 'multi-tenant with a tenant id is informational', evidence: { AzureRegistration: { msaAppType: 'MultiTenant' } }, status: 'info', messageId: 'multiTenantWithTenant', data: { tenant: TENANT_ID } },
    { name: 'unknown app type skips', evidence: { AzureRegistration: { msaAppType: undefined } }, status: 'skip', messageId: 'typeUnknown' },
  ],
  invalid: [
    { name: 'app id not a GUID', evidence: { AzureRegistration: { msaAppId: 'msaappid' } }, status: 'fail', messageId: 'appIdInvalid' },
    { name: 'app id missing', evidence: { AzureRegistration: { msaAppId: undefined } }, status: 'fail', messageId: 'appIdInvalid', data: { appId: '(missing)' } },
    { name: 'single-tenant without tenant', evidence: { AzureRegistration: { msaAppTenantId: undefined } }, status: 'fail', messageId: 'tenantMissing', data: { type: 'SingleTenant' } },
    { name: 'tenant not a GUID', evidence: { AzureRegistration: { msaAppTenantId: 'contoso.onmicrosoft.com' } }, status: 'fail', messageId: 'tenantInvalid' },
    { name: 'managed identity without tenant', evidence: { AzureRegistration: { ...msi, msaAppTenantId: undefined } }, status: 'fail', messageId: 'tenantMissing', data: { type: 'UserAssignedMSI' } },
    { name: 'managed identity without identity resource id', evidence: { AzureRegistration: { msaAppType: 'UserAssignedMSI' } }, status: 'fail', messageId: 'msiMissing' },
    { name: 'managed identity resource id of another type', evidence: { AzureRegistration: { ...msi, msaAppMSIResourceId: '/subscriptions/x/resourceGroups/y/providers/Microsoft.Web/sites/z' } }, status: 'fail', messageId: 'msiInvalid' },
  ],
});

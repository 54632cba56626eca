import { renderAdml } from './adml';
import { renderAdmx } from './admx';
import { renderMobileconfig } from './mobileconfig';
import { renderSamplePolicyJson } from './sample-policy-json';

/** Every policy template, by its path under assets/policy/, generated from the catalog (`npm run policy-templates`). */
export function renderPolicyTemplates(): Record<string, string> {
  return {
    'ecf-desk.admx': renderAdmx(),
    'en-US/ecf-desk.adml': renderAdml(),
    'com.ecfdesk.app.mobileconfig': renderMobileconfig(),
    'policy.sample.json': renderSamplePolicyJson(),
  };
}

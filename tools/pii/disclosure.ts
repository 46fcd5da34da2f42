// `npm run disclosure`: the disclosure table and the App Store privacy label, generated from the
// policy the classifier enforces.
import { appStorePrivacyLabel, renderDisclosureTable } from '@sieve/pii-domain';

console.log('Sieve data-collection practices (generated from libs/pii/domain/src/policy/disclosure.ts)\n');
console.log(renderDisclosureTable());
console.log('\nApp Store privacy label (JSON):\n');
console.log(JSON.stringify(appStorePrivacyLabel(), null, 2));

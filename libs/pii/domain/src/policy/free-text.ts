import { PiiType } from '../detectors/finding';
import { category, CategoryId, Treatment } from './disclosure';

/** The disclosure category of each kind of unsolicited personal data the detectors find. */
export const FREE_TEXT_CATEGORY: Record<PiiType, CategoryId> = {
  EMAIL_ADDRESS: 'contact.email',
  PHONE_NUMBER: 'contact.phone',
  STREET_ADDRESS: 'contact.physical-address',
  PERSON: 'contact.name',
  CREDIT_CARD: 'financial.payment',
  IBAN_CODE: 'financial.payment',
  US_SSN: 'identifiers.user-id',
  IP_ADDRESS: 'identifiers.device-id',
  URL: 'history.browsing',
  PRECISE_LOCATION: 'location.precise',
};

export interface BrandSettings {
  /** Types the brand masks although the disclosure would keep them (tagged) as support data. */
  maskTypes?: ReadonlySet<PiiType>;
}

/** What happens to a finding of this type in free text, by the disclosure and the brand's settings. */
export function freeTextTreatment(type: PiiType, settings: BrandSettings = {}): Treatment {
  const treatment = category(FREE_TEXT_CATEGORY[type]).inFreeText;
  return treatment === 'tag' && settings.maskTypes?.has(type) ? 'mask' : treatment;
}

import { allMatches, Detector, Finding } from './finding';

const NUMBER = '[-+−]?\\d{1,3}\\.\\d+';
// "48.8584, 2.2945", "(51.50135, -0.14189)", "lat 40.7128 lon -74.0060", "48.8584° N, 2.2945° E".
const PAIR = new RegExp(
  `(?<![\\w.])(?:lat(?:itude)?\\s*[:=]?\\s*)?(${NUMBER})\\s*°?\\s*([NS])?\\s*(?:,|;|\\/|\\s)\\s*(?:(?:lon|lng|long|longitude)\\s*[:=]?\\s*)?(${NUMBER})\\s*°?\\s*([EW])?(?![\\w]|\\.\\d)`,
  'gi',
);

function decimals(value: string): number {
  return value.split('.')[1]?.length ?? 0;
}

/**
 * Latitude/longitude pairs at the resolution the disclosure calls precise: three or more decimals,
 * in range. Fewer decimals is coarse location and is left alone.
 */
export const preciseLocationDetector: Detector = {
  type: 'PRECISE_LOCATION',
  minDigits: 6,
  detect(text) {
    const findings: Finding[] = [];
    if (!/\d\.\d{3}/.test(text)) return findings;
    for (const match of allMatches(PAIR, text)) {
      const [whole, latText, , lonText] = match;
      const lat = Number(latText.replace('−', '-'));
      const lon = Number(lonText.replace('−', '-'));
      if (decimals(latText) < 3 || decimals(lonText) < 3 || Math.abs(lat) > 90 || Math.abs(lon) > 180) continue;
      // The span runs from the latitude's first character to the longitude's last (labels excluded).
      const start = match.index + whole.indexOf(latText);
      const lonEnd = whole.lastIndexOf(lonText) + lonText.length;
      const hemisphere = /^\s*°?\s*[EW]/i.exec(whole.slice(lonEnd));
      const end = match.index + lonEnd + (hemisphere ? hemisphere[0].length : 0);
      findings.push({ type: 'PRECISE_LOCATION', start, end, confidence: 0.95, detector: 'location.lat-lon' });
    }
    return findings;
  },
};

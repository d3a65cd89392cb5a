/**
 * The `instrument.*` placeholder values: the screen the assessment is configured with (else the
 * pack's), named as published ("pc-ptsd-5" → "PC-PTSD-5"); the PCL-5 takes about 8 minutes, a
 * short screen 3.
 */
export function instrumentPlaceholders(instrument: string | undefined): Record<string, string | undefined> {
  return {
    'instrument.name': instrument?.toUpperCase(),
    'instrument.minutes': instrument && (instrument === 'pcl-5' ? '8' : '3'),
  };
}

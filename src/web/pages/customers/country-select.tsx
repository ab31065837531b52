import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useDisplayNames } from '../../i18n/display-names';

// ISO 3166-1 alpha-2 codes; the names come from the browser in the UI language.
const codes =
  'AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PR PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VN VU WS XK YE ZA ZM ZW'.split(' ');

/** A country picker listing every country by its name in the UI language, storing the ISO code. */
export function CountrySelect(props: Omit<SelectProps, 'data'>) {
  const names = useDisplayNames();
  const data = useMemo(
    () => codes.map((code) => ({ value: code, label: names.region(code) })).sort((a, b) => a.label.localeCompare(b.label)),
    [names],
  );
  return <Select searchable clearable allowDeselect data={data} {...props} />;
}

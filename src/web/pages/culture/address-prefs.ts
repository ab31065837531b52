/**
 * How an agent chose to address a contact (Frau/Herr/neutral, title), remembered in the
 * browser per contact: the contact record has no gender, and guessing one from a name would be
 * wrong too often to automate.
 */
import { useCallback, useState } from 'react';
import { titleFromName, type Gender, type TitleKey } from '../../../culture/browser';

export interface AddressPrefs {
  gender: Gender;
  title: TitleKey | null;
}

const key = (contactId: string) => `rapport.address.${contactId}`;

function read(contactId: string): Partial<AddressPrefs> | null {
  try {
    const raw = window.localStorage.getItem(key(contactId));
    return raw ? (JSON.parse(raw) as Partial<AddressPrefs>) : null;
  } catch {
    return null;
  }
}

/**
 * The form of address for a contact: the agent's remembered choice, else what an earlier reply on
 * record used (`known`, e.g. "Szanowna Pani," → female), else neutral with the title their name
 * carries. The setter remembers the agent's choice.
 */
export function useAddressPrefs(contactId: string | null | undefined, name: string | null | undefined, known?: AddressPrefs | null): [AddressPrefs, (next: AddressPrefs) => void] {
  const [stored, setStored] = useState<Partial<AddressPrefs> | null>(() => (contactId ? read(contactId) : null));
  const prefs: AddressPrefs = { gender: 'neutral', title: titleFromName(name), ...(known ?? {}), ...(stored ?? {}) };
  const update = useCallback(
    (next: AddressPrefs) => {
      setStored(next);
      if (contactId) {
        try {
          window.localStorage.setItem(key(contactId), JSON.stringify(next));
        } catch {
          // private mode: the choice lasts for this page only
        }
      }
    },
    [contactId],
  );
  return [prefs, update];
}

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

function read(contactId: string, name: string | null | undefined): AddressPrefs {
  const fallback: AddressPrefs = { gender: 'neutral', title: titleFromName(name) };
  try {
    const raw = window.localStorage.getItem(key(contactId));
    return raw ? { ...fallback, ...(JSON.parse(raw) as Partial<AddressPrefs>) } : fallback;
  } catch {
    return fallback;
  }
}

/** The remembered form of address for a contact, and a setter that remembers the change. */
export function useAddressPrefs(contactId: string | null | undefined, name: string | null | undefined): [AddressPrefs, (next: AddressPrefs) => void] {
  const [prefs, setPrefs] = useState<AddressPrefs>(() => (contactId ? read(contactId, name) : { gender: 'neutral', title: titleFromName(name) }));
  const update = useCallback(
    (next: AddressPrefs) => {
      setPrefs(next);
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

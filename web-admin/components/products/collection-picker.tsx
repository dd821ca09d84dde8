'use client';

import { useMemo, useRef, useState } from 'react';
import { Select, type SelectProps } from 'antd';

import { searchCollections } from '@/app/(console)/products/actions';
import type { CollectionChoice } from '@/app/(console)/products/products.graphql';

/**
 * Picks collections by searching them as the operator types (a catalog may have many):
 * `known` labels the collections already chosen. One (`value` a string) or several
 * (`mode="multiple"`); works as an antd form control.
 */
export function CollectionPicker({
  known,
  ...props
}: Omit<SelectProps<string | string[]>, 'options' | 'onSearch' | 'filterOption' | 'showSearch'> & { known: CollectionChoice[] }) {
  const [found, setFound] = useState<CollectionChoice[]>([]);
  const latest = useRef(0);

  const search = async (text: string) => {
    const ticket = ++latest.current;
    const result = await searchCollections(text);
    // An answer to an older keystroke must not replace a newer one.
    if (ticket === latest.current) setFound(result);
  };

  const options = useMemo(() => {
    const byId = new Map([...known, ...found].map((c) => [c.id, c]));
    return [...byId.values()].map((c) => ({ value: c.id, label: c.title }));
  }, [known, found]);

  return (
    <Select
      {...props}
      // The first collections are fetched when the picker is first used, not with every page.
      onFocus={() => latest.current === 0 && void search('')}
      showSearch={{ filterOption: false, onSearch: (text) => void search(text) }}
      options={options}
    />
  );
}

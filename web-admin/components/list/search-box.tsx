'use client';

import { Input } from 'antd';
import { useTranslations } from 'next-intl';

import { useDebouncedSearch } from './use-debounced-search';

/**
 * The list's search box (`?q=`): searches as one types (debounced) or on Enter. It stays a GET
 * form, so a search typed before the page is interactive still works.
 */
export function SearchBox({ placeholder, testId }: { placeholder: string; testId?: string }) {
  const t = useTranslations('common');
  const search = useDebouncedSearch();
  return (
    <form
      role="search"
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        search.submit(String(new FormData(event.currentTarget).get('q') ?? ''));
      }}
    >
      <Input.Search
        key={search.revision}
        name="q"
        type="search"
        aria-label={t('search')}
        placeholder={placeholder}
        defaultValue={search.defaultValue}
        onChange={(event) => search.onChange(event.target.value)}
        onSearch={search.submit}
        loading={search.pending}
        enterButton={t('search')}
        allowClear
        style={{ width: 320 }}
        data-testid={testId}
      />
    </form>
  );
}

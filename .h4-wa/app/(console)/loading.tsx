import { Skeleton } from 'antd';

/** Streams the console frame first; a page shows this while it fetches from the gateway. */
export default function ConsoleLoading() {
  return <Skeleton active paragraph={{ rows: 8 }} />;
}

import { PlacementListPage } from './placement-pages';

export default function BannersPage() {
  return <PlacementListPage kind="banner" />;
}

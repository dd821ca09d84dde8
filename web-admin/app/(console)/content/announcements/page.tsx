import { PlacementListPage } from '../placement-pages';

export default function AnnouncementsPage() {
  return <PlacementListPage kind="announcement" />;
}

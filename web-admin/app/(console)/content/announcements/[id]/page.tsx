import { PlacementEditorPage } from '../../placement-pages';

export default async function AnnouncementPage({ params }: { params: Promise<{ id: string }> }) {
  return <PlacementEditorPage kind="announcement" id={(await params).id} />;
}

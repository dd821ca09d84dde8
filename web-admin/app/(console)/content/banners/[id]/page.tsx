import { PlacementEditorPage } from '../../placement-pages';

export default async function BannerPage({ params }: { params: Promise<{ id: string }> }) {
  return <PlacementEditorPage kind="banner" id={(await params).id} />;
}

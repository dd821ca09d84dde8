import { PlacementEditorPage } from '../../placement-pages';

export default function NewBannerPage() {
  return <PlacementEditorPage kind="banner" id={null} />;
}

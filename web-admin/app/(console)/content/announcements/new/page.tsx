import { PlacementEditorPage } from '../../placement-pages';

export default function NewAnnouncementPage() {
  return <PlacementEditorPage kind="announcement" id={null} />;
}

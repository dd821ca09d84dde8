'use client';

import { BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, theme } from 'antd';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useTranslations } from 'next-intl';

/**
 * Description editor (TipTap): paragraphs, headings, bold, italic, lists and links, which
 * is what the catalog's sanitiser keeps. The value is HTML; an empty editor is ''.
 * Works as an antd form control (`value` / `onChange`).
 */
export function RichTextEditor({
  value,
  onChange,
  dir,
  testId,
  id,
}: {
  value?: string;
  onChange?: (html: string) => void;
  dir?: 'ltr' | 'rtl';
  testId?: string;
  id?: string;
}) {
  const t = useTranslations('productEditor.richText');
  const { token } = theme.useToken();
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] }, link: { openOnClick: false } })],
    content: value ?? '',
    immediatelyRender: false,
    editorProps: {
      attributes: {
        dir: dir ?? 'auto',
        style: 'outline: none; min-height: 110px',
        'data-testid': testId ?? 'rich-text',
        ...(id ? { id } : {}),
      },
    },
    onUpdate: ({ editor: current }) => onChange?.(current.isEmpty ? '' : current.getHTML()),
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive('bold') ?? false,
      italic: current?.isActive('italic') ?? false,
      heading: current?.isActive('heading', { level: 2 }) ?? false,
      bulletList: current?.isActive('bulletList') ?? false,
      orderedList: current?.isActive('orderedList') ?? false,
      link: current?.isActive('link') ?? false,
    }),
  });

  const setLink = () => {
    if (!editor) return;
    const previous = (editor.getAttributes('link').href as string | undefined) ?? '';
    const href = window.prompt(t('linkPrompt'), previous);
    if (href === null) return;
    const chain = editor.chain().focus().extendMarkRange('link');
    if (href.trim()) chain.setLink({ href: href.trim() }).run();
    else chain.unsetLink().run();
  };

  const tool = (key: keyof NonNullable<typeof active>, icon: React.ReactNode, run: () => void, label?: React.ReactNode) => (
    <Tooltip title={t(key)}>
      <Button
        size="small"
        type={active?.[key] ? 'primary' : 'default'}
        icon={icon}
        aria-label={t(key)}
        aria-pressed={active?.[key] ?? false}
        onMouseDown={(event) => event.preventDefault()}
        onClick={run}
      >
        {label}
      </Button>
    </Tooltip>
  );

  return (
    <div style={{ border: `1px solid ${token.colorBorder}`, borderRadius: token.borderRadius }}>
      <Space wrap size={4} style={{ padding: 4, borderBottom: `1px solid ${token.colorBorderSecondary}`, width: '100%' }}>
        {tool('bold', <BoldOutlined />, () => editor?.chain().focus().toggleBold().run())}
        {tool('italic', <ItalicOutlined />, () => editor?.chain().focus().toggleItalic().run())}
        {tool('heading', null, () => editor?.chain().focus().toggleHeading({ level: 2 }).run(), 'H')}
        {tool('bulletList', <UnorderedListOutlined />, () => editor?.chain().focus().toggleBulletList().run())}
        {tool('orderedList', <OrderedListOutlined />, () => editor?.chain().focus().toggleOrderedList().run())}
        {tool('link', <LinkOutlined />, setLink)}
      </Space>
      <EditorContent editor={editor} style={{ padding: '4px 11px' }} />
    </div>
  );
}

'use client';

import { theme } from 'antd';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';

import { RichTextToolbar } from './rich-text-toolbar';

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
  return (
    <div style={{ border: `1px solid ${token.colorBorder}`, borderRadius: token.borderRadius }}>
      <RichTextToolbar editor={editor} />
      <EditorContent editor={editor} style={{ padding: '4px 11px' }} />
    </div>
  );
}

// Sanitizing product descriptions written in HTML.
import sanitizeHtml from 'sanitize-html';

/**
 * Rich text as stored: basic formatting, headings, lists and links only.
 * Scripts, styles, event handlers and javascript: URLs are removed on write,
 * so every reader may render the stored HTML as is.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'blockquote', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Placeholder while the page is written. */
import { pageHead } from '../common.js';
import type { PageContext } from '../router.js';

export default function page({ root }: PageContext): void {
  pageHead(root, 'regions');
}

/** A paged list: disclosure cards (the search results, a profile's disclosures) or any connection's items. */
import { clear, hideError, showError } from './dom.js';
import { messageOf } from './api-client.js';
import { resultCard } from './result-card.js';

/**
 * load() replaces the list, more() appends the next page after endCursor. Responses that arrive
 * after a newer request started are dropped.
 */
export class PagedList {
  /**
   * @param options.fetchPage (after) => Promise<connection | null>
   * @param options.describe (total, shown) => the status line
   * @param options.ownUscc the profile the list belongs to, whose own name needs no link
   * @param options.renderItem (node, term) => the list item; a disclosure card by default
   */
  constructor({ list, status, error, more, fetchPage, describe, ownUscc, renderItem }) {
    this.list = list;
    this.status = status;
    this.error = error;
    this.moreButton = more;
    this.fetchPage = fetchPage;
    this.describe = describe;
    this.ownUscc = ownUscc || null;
    this.renderItem = renderItem || ((node, term) => resultCard(node, term, this.ownUscc));
    this.term = '';
    this.generation = 0;
    this.shown = 0;
    this.endCursor = null;
    this.moreButton.addEventListener('click', () => this.more());
  }

  load(term) {
    this.term = term || '';
    this.generation++;
    this.shown = 0;
    this.endCursor = null;
    clear(this.list);
    this.moreButton.hidden = true;
    this.status.textContent = '正在查询……';
    delete this.status.dataset.total;
    return this.fetch(null, this.generation);
  }

  /** Shows a first page that came with something else (a profile brings its own). */
  showFirstPage(connection) {
    this.generation++;
    this.showPage(connection);
  }

  more() {
    if (!this.endCursor) return Promise.resolve();
    this.moreButton.disabled = true;
    this.moreButton.textContent = '正在加载……';
    return this.fetch(this.endCursor, this.generation);
  }

  fetch(after, generation) {
    hideError(this.error);
    this.list.setAttribute('aria-busy', 'true');
    return this.fetchPage(after)
      .then((connection) => {
        if (generation !== this.generation) return;
        if (!connection) {
          this.status.textContent = '';
          return;
        }
        this.showPage(connection);
      })
      .catch((error) => {
        if (generation !== this.generation) return;
        showError(this.error, messageOf(error));
        if (!this.shown) this.status.textContent = '';
      })
      .then(() => {
        if (generation !== this.generation) return;
        this.list.removeAttribute('aria-busy');
        this.moreButton.disabled = false;
        this.moreButton.textContent = '加载更多';
      });
  }

  showPage(connection) {
    connection.edges.forEach((edge) => this.list.appendChild(this.renderItem(edge.node, this.term)));
    this.shown += connection.edges.length;
    this.endCursor = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    this.status.dataset.total = String(connection.totalCount);
    this.status.textContent = this.describe(connection.totalCount, this.shown);
    this.moreButton.hidden = !this.endCursor;
  }
}

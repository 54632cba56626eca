import { Icon } from '../components/Icon';
import './NavigationRail.css';

/** The left rail with the app's screens; only screens that exist are listed. */
export function NavigationRail({ mainId }: { readonly mainId: string }) {
  return (
    <nav className="navigation-rail" aria-label="Screens">
      <ul className="navigation-rail__list">
        <li>
          <a className="navigation-rail__item" href={`#${mainId}`} aria-current="page" title="Documents">
            <Icon name="document" />
            <span className="navigation-rail__label">Documents</span>
          </a>
        </li>
      </ul>
    </nav>
  );
}

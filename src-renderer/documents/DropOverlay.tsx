import { Icon } from '../components/Icon';
import './DropOverlay.css';

/** Shown while files are dragged over the window, so people know letting go will add them. */
export function DropOverlay() {
  return (
    <div className="drop-overlay">
      <div className="drop-overlay__panel">
        <Icon name="upload" className="drop-overlay__icon" />
        <p className="drop-overlay__title">Drop PDFs to add them</p>
        <p className="drop-overlay__hint">A copy of each file is kept with your filing.</p>
      </div>
    </div>
  );
}

// The images folder's surface: loading and checking a sheet's image references, the memory of
// what was uploaded, and the session image phase of an import.
export { imageKindOf, loadImage, type LoadedImage } from './image-file.js';
export { ImageMemory, imageUploadNeeded } from './image-memory.js';
export {
  applySessionImages,
  checkSessionImages,
  ImageLoader,
  planSessionImages,
  type SessionImagePlan,
  type SessionImageResult,
} from './session-images.js';

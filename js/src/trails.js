// A descent path in the 3D view: a line (the trail) and a ball at its end. The trail's buffer
// grows by doubling and only new points are uploaded, so a long run costs little per frame.
import { BufferAttribute, BufferGeometry, Line, LineBasicMaterial, Mesh, MeshBasicMaterial, SphereGeometry } from "three";

/** A trail (line) and a ball for one path; its buffer grows by doubling as the path does. */
export function pathObjects(color) {
  const geometry = new BufferGeometry();
  const trail = new Line(geometry, new LineBasicMaterial({ color }));
  trail.frustumCulled = false; // the trail stays inside the box: no bounding sphere to recompute
  const ball = new Mesh(new SphereGeometry(0.035, 20, 14), new MeshBasicMaterial({ color }));
  trail.add(ball);
  trail.userData = { drawn: 0, capacity: 0 };
  return trail;
}

export function updatePath(trail, positions, map) {
  const data = trail.userData;
  if (positions.length < data.drawn) data.drawn = 0;
  if (positions.length > data.capacity) {
    data.capacity = Math.max(256, 2 ** Math.ceil(Math.log2(positions.length)));
    const old = trail.geometry.getAttribute("position");
    const array = new Float32Array(data.capacity * 3);
    if (old) array.set(old.array.subarray(0, data.drawn * 3));
    trail.geometry.setAttribute("position", new BufferAttribute(array, 3));
  }
  const attribute = trail.geometry.getAttribute("position");
  for (let k = data.drawn; k < positions.length; k += 1) attribute.array.set(map.pathPoint(...positions[k]), 3 * k);
  if (positions.length !== data.drawn) {
    // Upload only the new points, not the whole (growing) buffer, each frame.
    attribute.clearUpdateRanges();
    attribute.addUpdateRange(3 * data.drawn, 3 * (positions.length - data.drawn));
    attribute.needsUpdate = true;
  }
  data.drawn = positions.length;
  trail.geometry.setDrawRange(0, positions.length);
  trail.children[0].position.set(...map.pathPoint(...positions.at(-1)));
}

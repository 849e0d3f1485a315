// The three.js scene: the surface as a shaded mesh with contour lines and axes, a ball and trail
// per path, the camera with its orbit controller (orbit.js), and picking a point of the surface. Surface
// coordinates (x, y, f) map to world (X, Y, Z) with Z up; the domain fits in [-1, 1].
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  DoubleSide,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  PerspectiveCamera,
  Raycaster,
  Scene,
  Vector2,
  Vector3,
  WebGLRenderer,
} from "three";

import { axes } from "./axes.js";
import { Orbit } from "./orbit.js";
import { pathObjects, updatePath } from "./trails.js";
import { rampColor } from "./palette.js";

const HEIGHT = 0.9;
const LIFT = 0.006; // trails float just above the mesh so they are not hidden in it

const linearRgb = (css) => {
  const c = new Color(css);
  return [c.r, c.g, c.b];
};

/** Map between surface and world coordinates for one surface and its height scale. */
function worldMap(surface, height) {
  const [[x0, x1], [y0, y1]] = surface.bounds;
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const half = Math.max(x1 - x0, y1 - y0) / 2;
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  return {
    toWorld: (x, y, z = height(surface.f(x, y))) => [(x - cx) / half, (y - cy) / half, clamp(z, 0, 1.1) * HEIGHT],
    /** A path point: clamped to the box so a diverging path runs along its edge. */
    pathPoint(x, y) {
      const [px, py] = [clamp(x, x0, x1), clamp(y, y0, y1)];
      const [wx, wy, wz] = this.toWorld(px, py);
      return [wx, wy, wz + LIFT];
    },
    toSurface: (wx, wy) => [cx + wx * half, cy + wy * half],
    corners: [(x0 - cx) / half, (x1 - cx) / half, (y0 - cy) / half, (y1 - cy) / half],
  };
}

function surfaceMesh(sample, map, palette) {
  const { n, xs, ys, heights } = sample;
  const positions = new Float32Array(n * n * 3);
  const colors = new Float32Array(n * n * 3);
  const ramp = palette.ramp.map(linearRgb);
  for (let j = 0; j < n; j += 1) {
    for (let i = 0; i < n; i += 1) {
      const k = j * n + i;
      positions.set(map.toWorld(xs[i], ys[j], heights[k]), 3 * k);
      colors.set(rampColor(ramp, heights[k]), 3 * k);
    }
  }
  const index = new (n * n > 65535 ? Uint32Array : Uint16Array)((n - 1) * (n - 1) * 6);
  for (let j = 0, m = 0; j < n - 1; j += 1) {
    for (let i = 0; i < n - 1; i += 1, m += 6) {
      const k = j * n + i;
      index.set([k, k + 1, k + n + 1, k, k + n + 1, k + n], m);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute("position", new BufferAttribute(positions, 3));
  geometry.setAttribute("color", new BufferAttribute(colors, 3));
  geometry.setIndex(new BufferAttribute(index, 1));
  geometry.computeVertexNormals();
  bakeLight(geometry);
  const material = new MeshBasicMaterial({
    vertexColors: true,
    side: DoubleSide,
    polygonOffset: true,
    polygonOffsetFactor: 1,
    polygonOffsetUnits: 1,
  });
  return new Mesh(geometry, material);
}

// Light from a fixed direction, baked into the vertex colours: the surface never moves, so this
// looks as a directional light would, and the only shader to compile is the unlit one.
const LIGHT = (() => {
  const [x, y, z] = [0.35, -0.5, 0.8];
  const n = Math.hypot(x, y, z);
  return [x / n, y / n, z / n];
})();

function bakeLight(geometry) {
  const normals = geometry.getAttribute("normal").array;
  const colors = geometry.getAttribute("color").array;
  for (let k = 0; k < colors.length; k += 3) {
    const dot = Math.abs(normals[k] * LIGHT[0] + normals[k + 1] * LIGHT[1] + normals[k + 2] * LIGHT[2]);
    const shade = 0.55 + 0.5 * dot;
    for (let c = 0; c < 3; c += 1) colors[k + c] = Math.min(1, colors[k + c] * shade);
  }
  geometry.deleteAttribute("normal");
}

function contourMesh(sample, map, palette) {
  const points = new Float32Array(sample.contours.reduce((sum, c) => sum + c.segments.length, 0) * 1.5);
  let at = 0;
  for (const { level, segments } of sample.contours) {
    for (let k = 0; k < segments.length; k += 2, at += 3) points.set(map.toWorld(segments[k], segments[k + 1], level), at);
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute("position", new BufferAttribute(points, 3));
  const material = new LineBasicMaterial({ color: palette.contour, transparent: true, opacity: 0.45 });
  return new LineSegments(geometry, material);
}

function disposeTree(object) {
  object.traverse((o) => {
    o.geometry?.dispose();
    o.material?.map?.dispose();
    o.material?.dispose();
  });
  object.removeFromParent();
}

/** Create the renderer (on the WebGL 2 `context` of `canvas`), the camera and the controls. */
export function createScene(canvas, context) {
  const renderer = new WebGLRenderer({ canvas, context });
  renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
  const scene = new Scene();
  const camera = new PerspectiveCamera(40, 1, 0.01, 50);
  camera.up.set(0, 0, 1);
  camera.position.set(2.3, -3.1, 2.4);
  const controls = new Orbit(camera, canvas, new Vector3(0, 0, 0.3), { minDistance: 1, maxDistance: 8 });

  let map = null;
  let world = null; // mesh + contours + axes of the current surface
  const trails = new Map();
  const raycaster = new Raycaster();

  function setSurface(surface, sample, palette) {
    if (world) disposeTree(world);
    for (const trail of trails.values()) disposeTree(trail);
    trails.clear();
    map = worldMap(surface, sample.height);
    world = surfaceMesh(sample, map, palette);
    world.add(contourMesh(sample, map, palette), axes(surface, map, palette, HEIGHT));
    scene.add(world);
    scene.background = new Color(palette.background);
  }

  /** Show these runs ([{name, descent}]) with these colours; drops trails no longer racing. */
  function setRuns(runs, palette) {
    for (const [name, trail] of trails) {
      if (!runs.some((r) => r.name === name)) {
        disposeTree(trail);
        trails.delete(name);
      }
    }
    for (const { name, descent } of runs) {
      if (!trails.has(name)) {
        trails.set(name, pathObjects(palette.optimizer[name]));
        scene.add(trails.get(name));
      }
      updatePath(trails.get(name), descent.positions, map);
    }
  }

  function pick(clientX, clientY) {
    const rect = canvas.getBoundingClientRect();
    const ndc = new Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
    raycaster.setFromCamera(ndc, camera);
    const [hit] = raycaster.intersectObject(world, false);
    return hit ? map.toSurface(hit.point.x, hit.point.y) : null;
  }

  function resize(width, height) {
    renderer.setSize(width, height, false);
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
  }

  /** The direction the camera looks along, as an angle in the surface's x-y plane. */
  const viewAzimuth = () => Math.atan2(controls.target.y - camera.position.y, controls.target.x - camera.position.x);

  function dispose() {
    controls.dispose();
    if (world) disposeTree(world);
    for (const trail of trails.values()) disposeTree(trail);
    renderer.dispose();
    renderer.forceContextLoss();
  }

  return {
    camera,
    controls,
    setSurface,
    setRuns,
    pick,
    resize,
    viewAzimuth,
    render: () => renderer.render(scene, camera),
    /** Make the shader programs now (a task before the first frame, which then only draws). */
    compile() {
      renderer.compile(scene, camera);
      context.flush();
    },
    dispose,
  };
}

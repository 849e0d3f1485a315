// The three.js scene: the surface as a shaded mesh with contour lines and axes, a ball and trail
// per path, and the camera. It runs in the view worker (view-worker.js) on an OffscreenCanvas, or
// on the page where a browser has no OffscreenCanvas; it never touches the DOM. Coordinates as in
// world.js.
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
  Scene,
  WebGLRenderer,
} from "three";

import { axes, sizeLabels } from "./axes.js";
import { pathObjects, updatePath } from "./trails.js";
import { rampColor } from "./palette.js";
import { FOV, HEIGHT, verticalFov, worldMap } from "./world.js";

const linearRgb = (css) => {
  const c = new Color(css);
  return [c.r, c.g, c.b];
};

function surfaceMesh(sample, map, palette) {
  const { n, xs, ys, heights } = sample;
  const positions = new Float32Array(n * n * 3);
  const colors = new Float32Array(n * n * 3);
  const ramp = palette.ramp.map(linearRgb);
  for (let j = 0; j < n; j += 1) {
    for (let i = 0; i < n; i += 1) {
      const k = j * n + i;
      positions.set(map.toWorld(xs[i], ys[j], heights[k]), 3 * k);
      colors.set(rampColor(ramp, heights[k] || 0), 3 * k);
    }
  }
  // A cell with a corner where f is not finite ("Your function" off its domain) is left out: a gap.
  const index = new (n * n > 65535 ? Uint32Array : Uint16Array)((n - 1) * (n - 1) * 6);
  let m = 0;
  for (let j = 0; j < n - 1; j += 1) {
    for (let i = 0; i < n - 1; i += 1) {
      const k = j * n + i;
      if (![k, k + 1, k + n, k + n + 1].every((c) => Number.isFinite(heights[c]))) continue;
      index.set([k, k + 1, k + n + 1, k, k + n + 1, k + n], m);
      m += 6;
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute("position", new BufferAttribute(positions, 3));
  geometry.setAttribute("color", new BufferAttribute(colors, 3));
  geometry.setIndex(new BufferAttribute(index.subarray(0, m), 1));
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

/** Create the renderer (on the WebGL 2 `context` of `canvas`) and the camera. */
export function createScene(canvas, context, pixelRatio) {
  const renderer = new WebGLRenderer({ canvas, context });
  renderer.setPixelRatio(Math.min(pixelRatio || 1, 2));
  const scene = new Scene();
  const camera = new PerspectiveCamera(FOV, 1, 0.01, 50);
  camera.up.set(0, 0, 1);

  let map = null;
  let world = null; // mesh + contours + axes of the current surface
  let labels = null; // adds the axes' labels, after the surface's first frame
  let axisLines = null; // the current axes, whose labels are sized to the canvas
  let cssHeight = 1;
  const trails = new Map();

  function setSurface(surface, sample, palette) {
    if (world) disposeTree(world);
    for (const trail of trails.values()) disposeTree(trail);
    trails.clear();
    map = worldMap(surface, sample.height);
    world = surfaceMesh(sample, map, palette);
    const axis = axes(surface, map, palette, HEIGHT);
    world.add(contourMesh(sample, map, palette), axis.lines);
    axisLines = axis.lines;
    labels = () => sizeLabels(axis.labels(), cssHeight, camera.fov);
    scene.add(world);
    scene.background = new Color(palette.background);
  }

  /** Show these paths ({name: positions}) with these colours; drops trails no longer racing. */
  function setRuns(paths, palette) {
    for (const [name, trail] of trails) {
      if (!(name in paths)) {
        disposeTree(trail);
        trails.delete(name);
      }
    }
    for (const [name, positions] of Object.entries(paths)) {
      if (!trails.has(name)) {
        trails.set(name, pathObjects(palette.optimizer[name]));
        scene.add(trails.get(name));
      }
      updatePath(trails.get(name), positions, map);
    }
  }

  function setCamera(position, target) {
    camera.position.set(...position);
    camera.lookAt(...target);
  }

  function resize(width, height) {
    renderer.setSize(width, height, false);
    camera.aspect = width / height;
    camera.fov = verticalFov(camera.aspect);
    camera.updateProjectionMatrix();
    cssHeight = height;
    if (axisLines) sizeLabels(axisLines, height, camera.fov);
  }

  function dispose() {
    axisLines = null;
    if (world) disposeTree(world);
    for (const trail of trails.values()) disposeTree(trail);
    renderer.dispose();
    renderer.forceContextLoss();
  }

  return {
    setSurface,
    setRuns,
    setCamera,
    resize,
    /** Draw a frame; true when there is more to show (the labels), so draw another. */
    render() {
      renderer.render(scene, camera);
      if (!labels) return false;
      labels();
      labels = null;
      return true;
    },
    /** Make the shader programs now (a task before the first frame, which then only draws). */
    compile() {
      renderer.compile(scene, camera);
      context.flush();
    },
    dispose,
  };
}

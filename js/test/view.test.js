// The page's half of the 3D view without a browser: the orbit controller's camera, picking a
// point of the surface under the pointer, and the view's options for the renderer it runs on.
import assert from "node:assert/strict";
import { test } from "node:test";

import { SURFACES } from "../src/descent.js";
import { sampleHeights } from "../src/contours.js";
import { Orbit } from "../src/orbit.js";
import { isSoftwareRenderer, viewOptions } from "../src/view-start.js";
import { FOV, pickSurface, verticalFov, worldMap } from "../src/world.js";
import { PerspectiveCamera, SRGBColorSpace, Sprite } from "three";
import { axes, sizeLabels } from "../src/axes.js";

const element = () => Object.assign(new EventTarget(), { clientHeight: 100 });
const distance = (a, b) => Math.hypot(...a.map((v, i) => v - b[i]));

test("the orbit starts where it is put and keeps its distance while rotating", () => {
  const orbit = new Orbit(element(), [2.3, -3.1, 2.4], [0, 0, 0.3]);
  [2.3, -3.1, 2.4].forEach((v, i) => assert.ok(Math.abs(orbit.position[i] - v) < 1e-12));
  const before = [...orbit.position];
  orbit.rotate(0.5, 0.2);
  assert.ok(distance(before, orbit.position) > 0.5);
  assert.ok(Math.abs(distance(orbit.position, orbit.target) - distance(before, orbit.target)) < 1e-12);
});

test("zoom scales the distance within its limits and says it changed", () => {
  const orbit = new Orbit(element(), [0, -4, 0.3], [0, 0, 0.3], { minDistance: 1, maxDistance: 8 });
  let changes = 0;
  orbit.addEventListener("change", () => (changes += 1));
  orbit.zoom(0.5);
  assert.ok(Math.abs(distance(orbit.position, orbit.target) - 2) < 1e-12);
  orbit.zoom(0.1);
  assert.ok(Math.abs(distance(orbit.position, orbit.target) - 1) < 1e-12);
  orbit.zoom(100);
  assert.ok(Math.abs(distance(orbit.position, orbit.target) - 8) < 1e-12);
  assert.equal(changes, 3);
});

test("picking the middle of the view from above finds the bowl's centre; the sky finds nothing", () => {
  const bowl = SURFACES.bowl;
  const map = worldMap(bowl, sampleHeights(bowl, 32).height);
  const [x, y] = pickSurface(map, [0, -0.01, 3], [0, 0, 0], 1, 0, 0);
  assert.ok(Math.hypot(x, y) < 0.05, `${x}, ${y}`);
  const [px] = pickSurface(map, [0, -0.01, 3], [0, 0, 0], 1, 0.5, 0);
  assert.ok(px > 0.5, "right of the middle is towards +x");
  assert.equal(pickSurface(map, [0, -4, 0.5], [0, 0, 0.3], 1, 0, 1), null);
});

test("a canvas narrower than 4:3 widens the field of view so it shows as much across", () => {
  assert.equal(verticalFov(4 / 3), FOV);
  assert.equal(verticalFov(2), FOV);
  const across = (aspect) => Math.tan((verticalFov(aspect) * Math.PI) / 360) * aspect;
  for (const aspect of [1, 0.8, 1.2]) assert.ok(Math.abs(across(aspect) - across(4 / 3)) < 1e-12, `${aspect}`);
  // Picking follows the same field: halfway to a square view's right edge is halfway in a 4:3 one.
  const bowl = SURFACES.bowl;
  const map = worldMap(bowl, sampleHeights(bowl, 32).height);
  const edge = (aspect) => pickSurface(map, [0, -0.01, 3], [0, 0, 0], aspect, 0.5, 0);
  assert.ok(Math.abs(edge(1)[0] - edge(4 / 3)[0]) < 1e-6, `${edge(1)} vs ${edge(4 / 3)}`);
});

test("the axes' labels keep their height in CSS pixels on any canvas and field of view", () => {
  const sprite = Object.assign(new Sprite(), { userData: { px: 16, aspect: 2.5 } });
  for (const [width, height] of [[688, 516], [328, 328], [1600, 900]]) {
    const camera = new PerspectiveCamera(verticalFov(width / height), width / height, 0.01, 50);
    sizeLabels({ children: [sprite] }, height, camera.fov);
    // three.js's sprite shader without size attenuation multiplies the scale by the depth, which
    // the projection divides out again: the sprite spans scale.y * P[1][1] of the clip space's 2.
    const drawn = (camera.projectionMatrix.elements[5] * sprite.scale.y * height) / 2;
    assert.ok(Math.abs(drawn - 16) < 1e-9, `${width} x ${height}: ${drawn} px`);
    assert.ok(Math.abs(sprite.scale.x / sprite.scale.y - 2.5) < 1e-12);
  }
});

test("the labels' textures are marked sRGB, so three.js draws them in the palette's colours", () => {
  // Node has no OffscreenCanvas: a stand-in that records the colour each label is filled with.
  const fills = [];
  const context = { measureText: (text) => ({ width: 20 * text.length }), fillText() {} };
  Object.defineProperty(context, "fillStyle", { set: (colour) => fills.push(colour) });
  globalThis.OffscreenCanvas = class {
    getContext = () => context;
  };
  try {
    const bowl = SURFACES.bowl;
    const map = worldMap(bowl, sampleHeights(bowl, 32).height);
    const { lines, labels } = axes(bowl, map, { text: "#1f2430", axis: "#5c6370" }, 1);
    labels();
    assert.equal(lines.children.length, 7);
    // Unmarked, a canvas's colours were taken as linear and written out as sRGB: #5c6370 became
    // #a2a7b1 and #1f2430 #626978 (a tick label's darkest pixel measured 171, 176, 184; now 106, 112, 123).
    for (const sprite of lines.children) assert.equal(sprite.material.map.colorSpace, SRGBColorSpace);
    assert.deepEqual(fills, [...Array(3).fill("#1f2430"), ...Array(4).fill("#5c6370")]);
  } finally {
    delete globalThis.OffscreenCanvas;
  }
});

test("multisampling is on only for a GPU at a pixel ratio under 1.5", () => {
  const gpu = "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)";
  const swiftshader = "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)";
  assert.deepEqual(viewOptions(1, gpu), { pixelRatio: 1, antialias: true });
  assert.deepEqual(viewOptions(2, gpu), { pixelRatio: 2, antialias: false });
  assert.deepEqual(viewOptions(1, swiftshader), { pixelRatio: 1, antialias: false });
  assert.deepEqual(viewOptions(undefined, ""), { pixelRatio: 1, antialias: true });
  for (const cpu of [swiftshader, "llvmpipe (LLVM 15.0.6, 256 bits)", "Microsoft Basic Render Driver", "softpipe"]) {
    assert.ok(isSoftwareRenderer(cpu), cpu);
  }
  for (const gpuName of [gpu, "Apple M2", "Mali-G78", "WebKit WebGL", ""]) assert.ok(!isSoftwareRenderer(gpuName), gpuName);
});

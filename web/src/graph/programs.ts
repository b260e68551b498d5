/**
 * WebGL programs for the network that draw with one call per frame and no instancing. Sigma's
 * default node (circle) and edge (rectangle) programs draw one instance per item; WebGL in
 * software (SwiftShader, a machine without a GPU) pays a fixed cost per instance, so 5,000 nodes
 * and links cost hundreds of milliseconds a frame however small they are on screen. Points and
 * plain triangles look the same and cost a few milliseconds.
 */
import { EdgeRectangleProgram, NodePointProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';

export { NodePointProgram };

// The rectangle's six corners: [along the edge (0 source, 1 target), side of the edge].
const CORNERS = [
  [0, 1],
  [0, -1],
  [1, 1],
  [1, 1],
  [0, -1],
  [1, -1],
];

/** Sigma's edge rectangle (thickness from the edge's size), its six vertices written out. */
export class EdgeRectangleFlatProgram extends EdgeRectangleProgram {
  getDefinition() {
    const { CONSTANT_ATTRIBUTES, CONSTANT_DATA: _, ...def } = super.getDefinition();
    // Without CONSTANT_ATTRIBUTES sigma draws plain arrays: each vertex carries every attribute.
    // (Sigma tests for the key at run time; its type for this program always has it.)
    return { ...def, ATTRIBUTES: [...def.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] } as unknown as ReturnType<
      EdgeRectangleProgram['getDefinition']
    >;
  }

  processVisibleItem(
    edgeIndex: number,
    startIndex: number,
    sourceData: NodeDisplayData,
    targetData: NodeDisplayData,
    data: EdgeDisplayData,
  ): void {
    // The parent writes one instance's eight values at startIndex; repeat them for each corner.
    super.processVisibleItem(edgeIndex, startIndex, sourceData, targetData, data);
    const array = this.array;
    const item = array.slice(startIndex, startIndex + 8);
    let i = startIndex;
    for (const [along, side] of CORNERS) {
      array.set(item, i);
      array[i + 8] = along;
      array[i + 9] = side;
      i += 10;
    }
  }
}

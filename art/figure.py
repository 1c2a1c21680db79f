"""A tiny pose model and SVG renderer shared by every stretch picture.

A figure is a list of capsules (rounded limb segments), curved capsules (the spine) and circles
(head, hands). Every figure uses the same segment lengths and widths, so all twelve pictures share
one set of proportions. Angles are in degrees, measured like on a maths graph: 0 points right,
90 points up (the SVG y axis points down, the helpers take care of that).
"""

import math

# ---- palette -------------------------------------------------------------------------------------
BACKGROUND = "#F5F8FA"
OUTLINE = "#2F3E4C"      # dark slate: every figure outline and all text
BODY = "#E4ECF2"         # near side of the body
FAR = "#BCC9D5"          # far-side limbs, a shade darker so they read as "behind"
ACCENT = "#D9672B"       # arrows and the part that moves
ACCENT_FILL = "#F7CDAE"  # fill of the limb that does the moving
FLOOR = "#AEBBC7"
FLOOR_SHADE = "#E8EEF2"
MAT = "#D5E7DE"
MAT_EDGE = "#9DBFAE"
PROP = "#8997A4"         # chair and wall lines
PROP_FILL = "#DCE3E9"
MUTED_TEXT = "#5B6B79"
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"

# ---- proportions (pixels on a 640x320 canvas) ----------------------------------------------------
HEAD_R = 15
NECK = 9          # shoulder to the bottom of the head
TORSO = 68        # hip joint to shoulder
TORSO_W = 31
UPPER_ARM = 42
FOREARM = 40
ARM_W = 11
FOREARM_W = 10
HAND_R = 6
THIGH = 60
SHIN = 56
THIGH_W = 17
SHIN_W = 13
FOOT = 20
FOOT_W = 9
STROKE = 2.4      # outline thickness

FLOOR_Y = 262     # floor line in panel coordinates
PANEL_W = 320


# ---- geometry ------------------------------------------------------------------------------------
def polar(p, angle, length):
    a = math.radians(angle)
    return (p[0] + length * math.cos(a), p[1] - length * math.sin(a))


def angle_of(p, q):
    return math.degrees(math.atan2(-(q[1] - p[1]), q[0] - p[0]))


def dist(p, q):
    return math.hypot(q[0] - p[0], q[1] - p[1])


def lerp(p, q, t):
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def ik(root, target, l1, l2, bend):
    """Two-bone reach: returns (joint, end). bend=+1 puts the joint counter-clockwise of the line."""
    d = dist(root, target)
    d = max(min(d, l1 + l2 - 0.01), abs(l1 - l2) + 0.01)
    a0 = angle_of(root, target)
    cos_a = (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)
    a = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    joint = polar(root, a0 + bend * a, l1)
    end = polar(joint, angle_of(joint, target), l2)
    return joint, end


def bezier(p0, c, p2, t):
    u = 1 - t
    return (u * u * p0[0] + 2 * u * t * c[0] + t * t * p2[0],
            u * u * p0[1] + 2 * u * t * c[1] + t * t * p2[1])


# ---- shapes --------------------------------------------------------------------------------------
class Shape:
    """One capsule, curved capsule or circle, with a fill colour and a drawing layer."""

    def __init__(self, kind, pts, width, fill, layer):
        self.kind, self.pts, self.width, self.fill, self.layer = kind, pts, width, fill, layer

    def moved(self, dx, dy):
        return Shape(self.kind, [(x + dx, y + dy) for x, y in self.pts], self.width, self.fill, self.layer)

    def mirrored(self, cx):
        return Shape(self.kind, [(2 * cx - x, y) for x, y in self.pts], self.width, self.fill, self.layer)

    def bounds(self):
        r = self.width / 2 + STROKE
        xs = [p[0] for p in self.pts]
        ys = [p[1] for p in self.pts]
        return min(xs) - r, min(ys) - r, max(xs) + r, max(ys) + r

    def _path(self):
        p = self.pts
        if self.kind == "seg":
            return f"M{p[0][0]:.1f} {p[0][1]:.1f}L{p[1][0]:.1f} {p[1][1]:.1f}"
        return f"M{p[0][0]:.1f} {p[0][1]:.1f}Q{p[1][0]:.1f} {p[1][1]:.1f} {p[2][0]:.1f} {p[2][1]:.1f}"

    def outline_svg(self):
        if self.kind == "circle":
            c = self.pts[0]
            return f'<circle cx="{c[0]:.1f}" cy="{c[1]:.1f}" r="{self.width / 2 + STROKE:.1f}" fill="{OUTLINE}"/>'
        return (f'<path d="{self._path()}" stroke="{OUTLINE}" stroke-width="{self.width + 2 * STROKE:.1f}" '
                f'fill="none" stroke-linecap="round"/>')

    def fill_svg(self):
        if self.kind == "circle":
            c = self.pts[0]
            return f'<circle cx="{c[0]:.1f}" cy="{c[1]:.1f}" r="{self.width / 2:.1f}" fill="{self.fill}"/>'
        return (f'<path d="{self._path()}" stroke="{self.fill}" stroke-width="{self.width:.1f}" '
                f'fill="none" stroke-linecap="round"/>')


def seg(a, b, w, fill, layer):
    return Shape("seg", [a, b], w, fill, layer)


def curve(a, c, b, w, fill, layer):
    return Shape("curve", [a, c, b], w, fill, layer)


def circle(c, r, fill, layer):
    return Shape("circle", [c], 2 * r, fill, layer)


class Figure:
    """A posed person: a bag of shapes plus named joints (so props can be placed against them)."""

    def __init__(self):
        self.shapes = []
        self.joints = {}
        self.extras = []  # tiny face marks drawn after the fills: (kind, data)

    def add(self, shape):
        self.shapes.append(shape)
        return shape

    def moved(self, dx, dy):
        f = Figure()
        f.shapes = [s.moved(dx, dy) for s in self.shapes]
        f.joints = {k: (v[0] + dx, v[1] + dy) for k, v in self.joints.items()}
        f.extras = [(k, (d[0] + dx, d[1] + dy), *rest) for k, d, *rest in self.extras]
        return f

    def bounds(self):
        bs = [s.bounds() for s in self.shapes]
        return (min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs))

    def svg(self, opacity=1.0):
        out = []
        if opacity < 1:
            out.append(f'<g opacity="{opacity}">')
        for layer in sorted({s.layer for s in self.shapes}):
            group = [s for s in self.shapes if s.layer == layer]
            out.extend(s.outline_svg() for s in group)
            out.extend(s.fill_svg() for s in group)
        for kind, p, *rest in self.extras:
            if kind == "eye":
                out.append(f'<circle cx="{p[0]:.1f}" cy="{p[1]:.1f}" r="1.9" fill="{OUTLINE}"/>')
        if opacity < 1:
            out.append("</g>")
        return "\n".join(out)


# Layers: far limbs are drawn first, then the trunk and head, then the near limbs.
L_FAR, L_FAR2, L_TRUNK, L_HEAD, L_NEAR, L_NEAR2 = 10, 15, 20, 30, 40, 50


def add_head(fig, neck_base, head_angle, face_angle, fill=BODY):
    centre = polar(neck_base, head_angle, NECK + HEAD_R)
    fig.add(seg(neck_base, polar(neck_base, head_angle, NECK + 4), 11, fill, L_HEAD))
    fig.add(circle(polar(centre, face_angle, HEAD_R - 1), 4.2, fill, L_HEAD))  # nose
    fig.add(circle(centre, HEAD_R, fill, L_HEAD))
    eye = polar(polar(centre, face_angle, 7), face_angle + 90, 4)
    fig.extras.append(("eye", eye))
    fig.joints["head"] = centre
    return centre


def add_arm(fig, root, hand_target, bend, layer, fill):
    elbow, hand = ik(root, hand_target, UPPER_ARM, FOREARM, bend)
    fig.add(seg(root, elbow, ARM_W, fill, layer))
    fig.add(seg(elbow, hand, FOREARM_W, fill, layer))
    fig.add(circle(hand, HAND_R, fill, layer))
    return elbow, hand


def add_leg(fig, hip, ankle_target, bend, foot_angle, layer, fill, knee=None):
    if knee is None:
        knee, ankle = ik(hip, ankle_target, THIGH, SHIN, bend)
    else:
        ankle = ankle_target
    fig.add(seg(hip, knee, THIGH_W, fill, layer))
    fig.add(seg(knee, ankle, SHIN_W, fill, layer))
    heel = polar(ankle, foot_angle + 180, 3)
    toe = polar(ankle, foot_angle, FOOT)
    fig.add(seg(heel, toe, FOOT_W, fill, layer))
    return knee, ankle


def side_figure(hip, torso_angle, flex=0.0, neck=0.0, look=0.0,
                near_hand=None, far_hand=None, near_elbow=-1, far_elbow=-1,
                near_ankle=None, far_ankle=None, near_knee_bend=1, far_knee_bend=1,
                near_foot=0.0, far_foot=0.0, near_knee=None, far_knee=None,
                near_leg_fill=BODY, far_leg_fill=FAR, near_arm_fill=BODY, far_arm_fill=FAR,
                near_leg_layer=L_NEAR, far_leg_layer=L_FAR, near_arm_layer=L_NEAR2, far_arm_layer=L_FAR2,
                trunk_fill=BODY):
    """A person seen from the side, facing the direction of torso_angle - 90 (its 'front').

    flex bends the spine: positive rounds the back, negative arches it.
    neck tilts the head away from the line of the spine (positive tips the chin up for a figure
    facing right), look turns the gaze a little further.
    """
    fig = Figure()
    shoulder = polar(hip, torso_angle, TORSO)
    mid = lerp(hip, shoulder, 0.5)
    ctrl = polar(mid, torso_angle + 90, 2 * flex)
    fig.add(curve(hip, ctrl, shoulder, TORSO_W, trunk_fill, L_TRUNK))
    top_dir = angle_of(ctrl, shoulder)
    head_angle = top_dir + neck
    add_head(fig, polar(shoulder, top_dir, 2), head_angle, head_angle - 90 + look)
    arm_root = polar(shoulder, top_dir + 180, 5)
    fig.joints.update(hip=hip, shoulder=shoulder, spine_ctrl=ctrl, arm_root=arm_root)
    if far_hand is not None:
        e, h = add_arm(fig, arm_root, far_hand, far_elbow, far_arm_layer, far_arm_fill)
        fig.joints.update(far_elbow=e, far_hand=h)
    if near_hand is not None:
        e, h = add_arm(fig, arm_root, near_hand, near_elbow, near_arm_layer, near_arm_fill)
        fig.joints.update(near_elbow=e, near_hand=h)
    if far_ankle is not None:
        k, a = add_leg(fig, hip, far_ankle, far_knee_bend, far_foot, far_leg_layer, far_leg_fill, far_knee)
        fig.joints.update(far_knee=k, far_ankle=a)
    if near_ankle is not None:
        k, a = add_leg(fig, hip, near_ankle, near_knee_bend, near_foot, near_leg_layer, near_leg_fill, near_knee)
        fig.joints.update(near_knee=k, near_ankle=a)
    return fig


def spine_point(fig, t, offset=0.0):
    """A point on the spine curve (t=0 hip, t=1 shoulder), moved sideways by offset towards the back."""
    hip, ctrl, sh = fig.joints["hip"], fig.joints["spine_ctrl"], fig.joints["shoulder"]
    p = bezier(hip, ctrl, sh, t)
    q = bezier(hip, ctrl, sh, min(t + 0.01, 1.0))
    direction = angle_of(p, q) if t < 1 else angle_of(bezier(hip, ctrl, sh, 0.99), sh)
    return polar(p, direction + 90, offset)


def front_figure(pelvis, torso_angle, bend=0.0, neck=0.0, left_hand=None, right_hand=None,
                 left_elbow=1, right_elbow=-1, left_ankle=None, right_ankle=None,
                 left_arm_fill=BODY, right_arm_fill=BODY, leg_fill=BODY, torso_fill=BODY, pelvis_angle=90.0):
    """A person facing the viewer. 'left' and 'right' here mean the picture's left and right.

    bend curves the trunk sideways (positive bows it towards the picture's left).
    """
    fig = Figure()
    top = polar(pelvis, torso_angle, TORSO - 6)
    mid = lerp(pelvis, top, 0.5)
    ctrl = polar(mid, torso_angle + 90, 2 * bend)
    top_dir = angle_of(ctrl, top)
    base_dir = pelvis_angle  # the pelvis stays level unless told otherwise
    hip_l = polar(pelvis, base_dir + 90, 12)
    hip_r = polar(pelvis, base_dir - 90, 12)
    sh_l = polar(polar(top, top_dir + 90, 22), top_dir + 180, 4)
    sh_r = polar(polar(top, top_dir - 90, 22), top_dir + 180, 4)
    fig.add(curve(pelvis, ctrl, top, 34, torso_fill, L_TRUNK))
    fig.add(seg(polar(hip_l, base_dir, 4), polar(hip_r, base_dir, 4), 26, torso_fill, L_TRUNK))
    fig.add(seg(sh_l, sh_r, 18, torso_fill, L_TRUNK))
    head_angle = top_dir + neck
    centre = polar(top, head_angle, NECK + HEAD_R)
    fig.add(seg(top, polar(top, head_angle, NECK + 4), 12, torso_fill, L_HEAD))
    fig.add(circle(centre, HEAD_R, torso_fill, L_HEAD))
    fig.joints.update(pelvis=pelvis, top=top, head=centre, shoulder_l=sh_l, shoulder_r=sh_r,
                      hip_l=hip_l, hip_r=hip_r, spine_ctrl=ctrl)
    for side, sh, hand, bend_sign, fill in (("l", sh_l, left_hand, left_elbow, left_arm_fill),
                                           ("r", sh_r, right_hand, right_elbow, right_arm_fill)):
        if hand is not None:
            e, h = add_arm(fig, sh, hand, bend_sign, L_NEAR2, fill)
            fig.joints.update({f"elbow_{side}": e, f"hand_{side}": h})
    for side, hp, ankle, out in (("l", hip_l, left_ankle, -1), ("r", hip_r, right_ankle, 1)):
        if ankle is not None:
            knee, a = ik(hp, ankle, THIGH, SHIN, out)  # any small knee bend points outwards
            fig.add(seg(hp, knee, THIGH_W, leg_fill, L_NEAR))
            fig.add(seg(knee, a, SHIN_W, leg_fill, L_NEAR))
            fig.add(seg(a, (a[0] + out * 8, a[1] + 3), 11, leg_fill, L_NEAR))
            fig.joints.update({f"knee_{side}": knee, f"ankle_{side}": a})
    return fig


def standing_pelvis_y(pelvis_x, ankles, ankle_y):
    """Height of the pelvis that keeps the leg furthest from it straight."""
    reach = THIGH + SHIN - 0.3
    dx = max(abs(pelvis_x + side * 12 - ax) for side, ax in zip((-1, 1), ankles))
    return ankle_y - math.sqrt(reach * reach - dx * dx)


# ---- scenery -------------------------------------------------------------------------------------
def floor(panel_x=0, y=FLOOR_Y):
    x0, x1 = panel_x + 8, panel_x + 312
    return (f'<rect x="{x0}" y="{y}" width="{x1 - x0}" height="{306 - y}" rx="4" fill="{FLOOR_SHADE}"/>\n'
            f'<line x1="{x0}" y1="{y}" x2="{x1}" y2="{y}" stroke="{FLOOR}" stroke-width="3" stroke-linecap="round"/>')


def mat(x0, x1, y=FLOOR_Y):
    return (f'<rect x="{x0:.1f}" y="{y - 5}" width="{x1 - x0:.1f}" height="6" rx="3" fill="{MAT}" '
            f'stroke="{MAT_EDGE}" stroke-width="1.2"/>')


def chair(seat_front_x, seat_y, facing=1, depth=62, back_h=86, y_floor=FLOOR_Y):
    """A plain side-view chair whose seat front edge is at seat_front_x; the person faces `facing`."""
    back_x = seat_front_x - facing * depth
    lines = [
        f'<g stroke="{PROP}" stroke-width="5" stroke-linecap="round" fill="none">',
        f'<line x1="{seat_front_x - facing * 4:.1f}" y1="{seat_y + 6:.1f}" x2="{seat_front_x - facing * 4:.1f}" y2="{y_floor:.1f}"/>',
        f'<line x1="{back_x + facing * 4:.1f}" y1="{seat_y + 6:.1f}" x2="{back_x + facing * 4:.1f}" y2="{y_floor:.1f}"/>',
        f'<line x1="{back_x + facing * 2:.1f}" y1="{seat_y:.1f}" x2="{back_x - facing * 4:.1f}" y2="{seat_y - back_h:.1f}"/>',
        "</g>",
        f'<rect x="{min(back_x, seat_front_x):.1f}" y="{seat_y:.1f}" width="{depth:.1f}" height="8" rx="4" '
        f'fill="{PROP_FILL}" stroke="{PROP}" stroke-width="2.5"/>',
    ]
    return "\n".join(lines)


def wall(x, panel_x=0, y_top=44, y_floor=FLOOR_Y):
    """A wall filling the panel to the left of x."""
    x0, w = panel_x + 8, x - panel_x - 8
    return (f'<rect x="{x0:.1f}" y="{y_top}" width="{w:.1f}" height="{y_floor - y_top}" fill="{PROP_FILL}"/>\n'
            f'<line x1="{x:.1f}" y1="{y_top}" x2="{x:.1f}" y2="{y_floor}" stroke="{PROP}" stroke-width="3"/>')


def arrow(p0, c, p1, width=4.0, head=11.0):
    """A curved accent arrow from p0 to p1 bending through control point c."""
    direction = angle_of(c, p1) if dist(c, p1) > 0.5 else angle_of(p0, p1)
    tip = polar(p1, direction, head * 0.55)
    left = polar(tip, direction + 150, head)
    right = polar(tip, direction - 150, head)
    return (f'<path d="M{p0[0]:.1f} {p0[1]:.1f}Q{c[0]:.1f} {c[1]:.1f} {p1[0]:.1f} {p1[1]:.1f}" fill="none" '
            f'stroke="{ACCENT}" stroke-width="{width}" stroke-linecap="round"/>\n'
            f'<path d="M{tip[0]:.1f} {tip[1]:.1f}L{left[0]:.1f} {left[1]:.1f}L{right[0]:.1f} {right[1]:.1f}Z" '
            f'fill="{ACCENT}" stroke="{ACCENT}" stroke-width="2" stroke-linejoin="round"/>')


def text(x, y, s, size=13, weight="normal", fill=OUTLINE, anchor="start"):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" font-weight="{weight}" '
            f'fill="{fill}" text-anchor="{anchor}">{s}</text>')


def place(fig, panel_x, floor_y=FLOOR_Y, centre_x=None):
    """Moves a figure built with the floor at y=0 into a panel, centred horizontally unless told."""
    x0, _, x1, _ = fig.bounds()
    cx = panel_x + PANEL_W / 2 if centre_x is None else panel_x + centre_x
    return fig.moved(cx - (x0 + x1) / 2, floor_y)

#!/usr/bin/env python3
"""Writes StretchBot/wwwroot/images/stretches/{id}.svg for the twelve stretches.

Every picture is a 640x320 canvas with two panels: "Start" on the left, "Then" on the right.
Figures are built with the floor at y=0 (SVG y grows downwards, so the body has negative y),
then moved into their panel. Run: python3 art/generate.py
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from figure import (ACCENT_FILL, BACKGROUND, BODY, FAR, FLOOR_Y, OUTLINE, PROP,
                    HEAD_R, SHIN, THIGH, UPPER_ARM, FOREARM, L_FAR, L_NEAR, L_NEAR2, L_TRUNK,
                    Figure, arrow, chair, circle, floor, front_figure, mat, place, polar, seg, side_figure,
                    spine_point, text, wall, lerp, ik, SHIN_W, THIGH_W, TORSO, standing_pelvis_y, add_arm, FOREARM_W,
                    STROKE)

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "StretchBot", "wwwroot", "images",
                       "stretches")

HIP_LYING = -16   # hip joint height when lying on the floor
ANKLE_FLOOR = -8  # ankle height with the foot flat on the floor


def badge(x, number):
    """The panel's number, large enough to read when the card shows the picture 288 px wide (a phone)."""
    return (f'<circle cx="{x + 34}" cy="34" r="22" fill="{OUTLINE}"/>\n'
            + text(x + 34, 44.5, str(number), size=29, weight="bold", fill="#FFFFFF", anchor="middle"))


def picture(title, desc, start, then):
    """start/then: the svg body of each panel. The pictures carry no words: the card shows each panel's caption
    (catalog.json's pictureCaptions) under the picture, where it stays legible on a phone."""
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" viewBox="0 0 640 320">',
        f"<title>{title}</title>",
        f"<desc>{desc}</desc>",
        f'<rect width="640" height="320" fill="{BACKGROUND}"/>',
        f'<line x1="320" y1="44" x2="320" y2="276" stroke="#D3DCE3" stroke-width="2" stroke-dasharray="2 6" '
        f'stroke-linecap="round"/>',
    ]
    for i, (label, body) in enumerate((("start", start), ("then", then))):
        x = i * 320
        parts.append(f'<g class="{label}">')
        parts.append(body)
        parts.append(badge(x, i + 1))
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


# ---- 1. cat-cow ----------------------------------------------------------------------------------
def all_fours(flex, neck, look=0.0):
    knee = (0, -9)
    hip = (0, knee[1] - THIGH + 1)
    shoulder_y = -6 - (UPPER_ARM + FOREARM) + 4
    dx = (TORSO ** 2 - (shoulder_y - hip[1]) ** 2) ** 0.5
    hand = (dx + 2, -6)
    return side_figure(hip, 17, flex=flex, neck=neck, look=look,
                       near_hand=hand, far_hand=(hand[0] + 8, -6), near_elbow=1, far_elbow=1,
                       near_ankle=(-SHIN, -8), far_ankle=(-SHIN - 6, -8),
                       near_knee=knee, far_knee=(-5, -9), near_foot=180, far_foot=180,
                       near_leg_layer=L_TRUNK - 1)


def cat_cow():
    start = place(all_fours(flex=13, neck=-55, look=-10), 0)
    then = place(all_fours(flex=-12, neck=8, look=22), 320)
    s_mid = spine_point(start, 0.5, 24)
    t_mid = spine_point(then, 0.5, 26)
    start_body = "\n".join([floor(), mat(30, 290), start.svg(),
                            arrow((s_mid[0], s_mid[1] + 4), (s_mid[0] + 3, s_mid[1] - 14), (s_mid[0], s_mid[1] - 30))])
    then_body = "\n".join([floor(320), mat(350, 610), then.svg(),
                           arrow((t_mid[0], t_mid[1] - 38), (t_mid[0] + 3, t_mid[1] - 24), (t_mid[0], t_mid[1] - 6)),
                           arrow(polar(then.joints["head"], 150, 26), polar(then.joints["head"], 110, 34),
                                 polar(then.joints["head"], 70, 28))])
    return picture(
        "Cat-cow",
        "On hands and knees: first round the back up towards the ceiling with the head tucked, looking at the "
        "knees; then let the back sag gently towards the floor while lifting the chin. Move slowly between the two.",
        start_body,
        then_body)


# ---- 2. cobra ------------------------------------------------------------------------------------
def prone(torso_angle, flex, neck, hand):
    hip = (0, HIP_LYING)
    if hand is None:
        shoulder = polar(hip, torso_angle, TORSO)
        hand = (shoulder[0] + 6, -6)
    return side_figure(hip, torso_angle, flex=flex, neck=neck,
                       near_hand=hand, far_hand=(hand[0] + 5, hand[1]), near_elbow=-1, far_elbow=-1,
                       near_ankle=(-THIGH - SHIN, -9), far_ankle=polar(hip, 181.2, THIGH + SHIN),
                       near_knee_bend=-1, far_knee_bend=-1, near_foot=185, far_foot=185,
                       near_leg_layer=L_TRUNK - 1)


def cobra():
    start = place(prone(0, 0, 9, (54, -6)), 0)
    then = place(prone(34, -10, 4, None), 320)
    sh = then.joints["shoulder"]
    hip = then.joints["hip"]
    start_body = "\n".join([floor(), mat(20, 300), start.svg()])
    then_body = "\n".join([
        floor(320), mat(340, 620), then.svg(),
        arrow((sh[0] - 46, sh[1] + 4), (sh[0] - 44, sh[1] - 22), (sh[0] - 20, sh[1] - 34)),
    ])
    del hip
    return picture(
        "Cobra",
        "Lying face down with the hands on the floor beside the shoulders, press the chest up by straightening the "
        "arms part of the way while the hips stay down on the floor, then lower again.",
        start_body,
        then_body)


# ---- 3. knee hugs --------------------------------------------------------------------------------
def supine(near_ankle, far_ankle, near_knee=None, far_knee=None, near_hand=None, far_hand=None,
           near_elbow=1, far_elbow=1, near_foot=0.0, far_foot=0.0, near_leg_fill=BODY, far_leg_fill=FAR,
           knee_bend=1, near_leg_layer=L_NEAR, far_leg_layer=L_FAR, near_arm_layer=L_NEAR2):
    hip = (0, HIP_LYING)
    if near_hand is None:
        near_hand, far_hand = (16, -6), (12, -6)
    return side_figure(hip, 180, neck=-9, near_hand=near_hand, far_hand=far_hand,
                       near_elbow=near_elbow, far_elbow=far_elbow,
                       near_ankle=near_ankle, far_ankle=far_ankle, near_knee=near_knee, far_knee=far_knee,
                       near_knee_bend=knee_bend, far_knee_bend=knee_bend, near_foot=near_foot, far_foot=far_foot,
                       near_leg_fill=near_leg_fill, far_leg_fill=far_leg_fill,
                       near_leg_layer=near_leg_layer, far_leg_layer=far_leg_layer, near_arm_layer=near_arm_layer)


def knee_hugs():
    start = place(supine((70, ANKLE_FLOOR), (64, ANKLE_FLOOR), knee_bend=1), 0)
    near_knee = polar((0, HIP_LYING), 116, THIGH)
    far_knee = polar((0, HIP_LYING), 120, THIGH)
    then = place(supine(polar(near_knee, -28, SHIN), polar(far_knee, -28, SHIN),
                        near_knee=near_knee, far_knee=far_knee, near_foot=10, far_foot=10,
                        near_hand=polar(near_knee, -10, 12), far_hand=polar(far_knee, -10, 12),
                        near_elbow=1, far_elbow=1), 320)
    k = then.joints["near_knee"]
    start_body = "\n".join([floor(), mat(20, 300), start.svg()])
    then_body = "\n".join([floor(320), mat(340, 620), then.svg(),
                           arrow((k[0] + 48, k[1] - 8), (k[0] + 36, k[1] - 34), (k[0] + 6, k[1] - 30))])
    return picture(
        "Knee hugs",
        "Lying on the back with knees bent and feet flat, bring one knee and then the other up towards the chest, "
        "hold both with the hands and draw them in gently, then lower one leg at a time.",
        start_body,
        then_body)


# ---- 4. knee rolls (seen from the feet) ----------------------------------------------------------
def rotate(p, centre, degrees):
    a = math.radians(-degrees)
    x, y = p[0] - centre[0], p[1] - centre[1]
    return (centre[0] + x * math.cos(a) - y * math.sin(a), centre[1] + x * math.sin(a) + y * math.cos(a))


def end_view(roll):
    """Lying on the back, seen from a little above the feet; roll tips both knees to the picture's right."""
    fig = Figure()
    fig.add(circle((0, -116), HEAD_R - 1, FAR, L_FAR - 1))
    fig.add(seg((0, -92), (0, -44), 46, FAR, L_FAR))  # the trunk, stretching away from us
    for side in (-1, 1):  # arms resting out to the sides on the floor
        sh = (side * 22, -92)
        elbow = (side * 60, -88)
        hand = (side * 96, -84)
        fig.add(seg(sh, elbow, 10, FAR, L_FAR))
        fig.add(seg(elbow, hand, 9, FAR, L_FAR))
        fig.add(circle(hand, 5.5, FAR, L_FAR))
    pivot = (0, -6)
    hips = [rotate((s * 14, -36), (0, -34), roll * 0.3) for s in (-1, 1)]
    fig.add(seg(hips[0], hips[1], 30, BODY, L_TRUNK))
    for i, side in enumerate((-1, 1)):
        foot = rotate((side * 17, -10), pivot, roll * 0.12)
        knee = rotate((side * 16, -80), pivot, roll)
        fill = ACCENT_FILL if roll else BODY
        layer = L_NEAR + (1 if side > 0 else 2)
        fig.add(seg(hips[i], knee, THIGH_W, FAR, L_NEAR))
        fig.add(seg(knee, foot, SHIN_W + 3, fill, layer))
        fig.add(circle(foot, 8.5, fill, layer))
        fig.joints[f"knee{side}"] = knee
    fig.joints["centre"] = (0, 0)
    return fig


def floor_mat(cx):
    """A mat on the floor drawn in perspective, narrowing away from the viewer."""
    y0, y1 = FLOOR_Y - 2, FLOOR_Y - 132
    return (f'<path d="M{cx - 128} {y0}L{cx + 128} {y0}L{cx + 104} {y1}L{cx - 104} {y1}Z" fill="#E3EEE8" '
            f'stroke="{PROP}" stroke-width="1.5" stroke-linejoin="round" opacity="0.9"/>')


def knee_rolls():
    start = end_view(0).moved(160, FLOOR_Y)
    then = end_view(-46).moved(480, FLOOR_Y)
    ghost = end_view(0).moved(480, FLOOR_Y)
    k0 = ghost.joints["knee1"]
    k1 = then.joints["knee1"]
    start_body = "\n".join([floor(), floor_mat(160), start.svg()])
    then_body = "\n".join([floor(320), floor_mat(480), ghost.svg(opacity=0.22), then.svg(),
                           arrow((k0[0] + 4, k0[1] - 16), (k1[0] + 8, k0[1] - 22), (k1[0] + 16, k1[1] - 12))])
    return picture(
        "Knee rolls",
        "Seen from the feet: lying on the back with both knees bent and feet flat, arms resting out to the sides, "
        "let both knees sink together to one side as far as is easy, come back to the middle, then go to the "
        "other side.",
        start_body,
        then_body)


# ---- seated poses --------------------------------------------------------------------------------
SEAT_Y = -54         # top of the chair seat
HIP_SEATED = SEAT_Y - 13


def seated(torso_angle=92, flex=0.0, neck=0.0, look=0.0, near_hand=(20, HIP_SEATED + 6), far_hand=None,
           near_ankle=None, near_foot=0.0, near_knee_bend=1, near_leg_fill=BODY, near_elbow=-1, far_elbow=-1):
    hip = (0, HIP_SEATED)
    far_ankle = (58, ANKLE_FLOOR)
    if near_ankle is None:
        near_ankle = (64, ANKLE_FLOOR)
    if far_hand is None:
        far_hand = (near_hand[0] - 4, near_hand[1] + 2)
    return side_figure(hip, torso_angle, flex=flex, neck=neck, look=look,
                       near_hand=near_hand, far_hand=far_hand, near_elbow=near_elbow, far_elbow=far_elbow,
                       near_ankle=near_ankle, far_ankle=far_ankle, near_knee_bend=near_knee_bend,
                       far_knee_bend=1, near_foot=near_foot, far_foot=0, near_leg_fill=near_leg_fill)


def seated_body(fig, caption_extra=()):
    hip = fig.joints["hip"]
    panel_x = 320 if hip[0] > 320 else 0
    return "\n".join([floor(panel_x), chair(hip[0] + 14, hip[1] + 13 + 0, facing=1), fig.svg(), *caption_extra])


# ---- 5. seated sciatic nerve floss ---------------------------------------------------------------
def floss_pose(toes_up):
    """Perched on the front edge of the seat, upright, one leg straight ahead with the heel on the floor. Only the
    foot and the head differ between the two positions: toes up with the chin up, toes away with the chin down."""
    hip = (0, HIP_SEATED)
    heel = (0, ANKLE_FLOOR - 3)
    reach = THIGH + SHIN - 0.6
    heel = (math.sqrt(reach ** 2 - (heel[1] - hip[1]) ** 2), heel[1])
    fig = side_figure(hip, 89, neck=28 if toes_up else -40, look=14 if toes_up else -8,
                      near_hand=(24, HIP_SEATED - 2), far_hand=(30, HIP_SEATED - 10), near_elbow=-1, far_elbow=-1,
                      near_ankle=heel, far_ankle=(60, ANKLE_FLOOR), near_knee_bend=1, far_knee_bend=1,
                      near_foot=72 if toes_up else -16, far_foot=0)
    ankle = fig.joints["near_ankle"]
    foot_angle = 72 if toes_up else -16
    fig.add(seg(polar(ankle, foot_angle + 180, 3), polar(ankle, foot_angle, 20), 9, ACCENT_FILL, L_NEAR2 + 1))
    return fig


def floss_body(fig, panel_x, arrows, ghost=None):
    hip = fig.joints["hip"]
    # The seat's front edge sits just under the thigh and its back is well behind the body: perched, not leaning back.
    behind = [ghost.svg(opacity=0.2)] if ghost is not None else []
    return "\n".join([floor(panel_x), chair(hip[0] + 6, hip[1] + 13, facing=1, depth=78), *behind, fig.svg(), *arrows])


def nerve_floss():
    start = place(floss_pose(toes_up=True), 0, centre_x=150)
    then = place(floss_pose(toes_up=False), 320, centre_x=150)
    ghost = align(floss_pose(toes_up=True), then, "hip")
    a0, a1 = start.joints["near_ankle"], then.joints["near_ankle"]
    h0, h1 = start.joints["head"], then.joints["head"]
    start_body = floss_body(start, 0, [
        arrow((a0[0] + 30, a0[1] - 2), (a0[0] + 34, a0[1] - 20), (a0[0] + 22, a0[1] - 32)),
        arrow(polar(h0, 10, 27), polar(h0, 50, 34), polar(h0, 95, 28)),
    ])
    then_body = floss_body(then, 320, [
        arrow((a1[0] + 14, a1[1] - 30), (a1[0] + 34, a1[1] - 26), (a1[0] + 36, a1[1] - 6)),
        arrow(polar(h1, 70, 27), polar(h1, 25, 34), polar(h1, -20, 27)),
    ], ghost)
    return picture(
        "Seated sciatic nerve floss",
        "Perched on the front edge of a chair, sitting upright, with one leg straight out in front and its heel on "
        "the floor. First pull the toes up towards you while tipping the chin up to look at the ceiling; then point "
        "the toes away while lowering the chin to the chest. The leg stays straight: only the toes and the chin "
        "move. Never toes up with the chin down.",
        start_body,
        then_body)


# ---- 6. seated flexion ---------------------------------------------------------------------------
def seated_flexion():
    start = place(seated(torso_angle=92, neck=-6, near_hand=(50, HIP_SEATED - 8), near_elbow=-1,
                         far_elbow=-1), 0, centre_x=150)
    then = place(seated(torso_angle=40, flex=12, neck=-30, near_hand=(70, -34), far_hand=(64, -36),
                        near_elbow=1, far_elbow=1), 320, centre_x=150)
    sh = then.joints["shoulder"]
    then_body = seated_body(then, [arrow((sh[0] - 30, sh[1] - 52), (sh[0] + 12, sh[1] - 62),
                                         (sh[0] + 34, sh[1] - 30))])
    return picture(
        "Seated flexion",
        "Sitting on the front of a chair with the hands on the thighs, curl slowly forward, letting the lower back "
        "round and sliding the hands down the legs only as far as is comfortable, then sit back up.",
        seated_body(start),
        then_body)


# ---- 7. McKenzie side glide (front view, wall on the picture's left) ---------------------------
def side_glide(shift):
    ankles = (-2, 24)
    pelvis_x = 11 - shift
    pelvis = (pelvis_x, standing_pelvis_y(pelvis_x, ankles, ANKLE_FLOOR))
    top = (9, -188)
    torso_angle = math.degrees(math.atan2(pelvis[1] - top[1], top[0] - pelvis[0]))
    elbow_x = -52
    fig = front_figure(pelvis, torso_angle, bend=shift * 0.2, pelvis_angle=90 - shift * 0.25, neck=-(torso_angle - 90) * 0.7,
                       left_hand=(elbow_x, -228), right_hand=(pelvis_x + 20, pelvis[1] - 2),
                       left_elbow=1, right_elbow=1,
                       left_ankle=(ankles[0], ANKLE_FLOOR), right_ankle=(ankles[1], ANKLE_FLOOR))
    return fig


def mckenzie():
    s_fig = side_glide(0)
    t_fig = side_glide(24)
    start = s_fig.moved(170, FLOOR_Y)
    then = t_fig.moved(490, FLOOR_Y)
    ghost = s_fig.moved(490, FLOOR_Y)
    elbow = start.joints["elbow_l"]
    wall_x = min(elbow[0], start.joints["hand_l"][0]) - FOREARM_W / 2 - STROKE
    p = then.joints["pelvis"]
    start_body = "\n".join([wall(wall_x), floor(), start.svg()])
    then_body = "\n".join([wall(wall_x + 320, 320), floor(320), ghost.svg(opacity=0.2), then.svg(),
                           arrow((p[0] + 78, p[1] + 24), (p[0] + 62, p[1] + 24), (p[0] + 46, p[1] + 24))])
    return picture(
        "McKenzie side glide",
        "Seen from the front: standing side-on to a wall with the feet a short step away, the elbow bent and the "
        "forearm resting upright on the wall, the other hand on the far hip; slide the hips sideways towards the "
        "wall while the feet stay where they are, then return.",
        start_body,
        then_body)


# ---- 8. standing extension -----------------------------------------------------------------------
def align(fig, ref, joint):
    """Moves fig so its joint sits exactly where ref has the same joint (for faint 'before' ghosts)."""
    a, b = fig.joints[joint], ref.joints[joint]
    return fig.moved(b[0] - a[0], b[1] - a[1])


def standing(torso_angle, flex, neck, hip_dx=0.0, look=0.0):
    ankle = (0, -7)
    leg = THIGH + SHIN - 0.5
    hip = (hip_dx, ankle[1] - math.sqrt(leg * leg - hip_dx * hip_dx))
    fig = side_figure(hip, torso_angle, flex=flex, neck=neck, look=look,
                      near_ankle=ankle, far_ankle=(ankle[0] - 6, ankle[1]), near_knee_bend=1, far_knee_bend=1)
    # hands rest on the lower back: place the arms after the spine is known
    lower_back = spine_point(fig, 0.25, 20)
    root = fig.joints["arm_root"]
    for hand, fill, layer, name in ((lower_back, FAR, 15, "far"), (lerp(lower_back, root, 0.04), BODY, 50, "near")):
        e, h = add_arm(fig, root, hand, -1, layer, fill)
        fig.joints[f"{name}_hand"] = h
    return fig


def standing_extension():
    start = place(standing(90, 0, 0), 0)
    then = place(standing(112, -6, -8, hip_dx=12, look=14), 320, centre_x=170)
    ghost = align(standing(90, 0, 0), then, "near_ankle")
    h = then.joints["head"]
    then_body = "\n".join([floor(320), ghost.svg(opacity=0.2), then.svg(),
                           arrow(polar(h, 40, 30), polar(h, 95, 44), polar(h, 150, 34))])
    return picture(
        "Standing extension",
        "Standing tall with the hands on the lower back for support, lean the upper body gently backwards a little "
        "way, keeping the knees straight, then come back to upright.",
        "\n".join([floor(), start.svg()]),
        then_body)


# ---- 9. standing side bend (front view) ---------------------------------------------------------
def side_bend(angle):
    ankles = (-15, 15)
    pelvis = (0, standing_pelvis_y(0, ankles, ANKLE_FLOOR))
    bending = angle != 90
    fig = front_figure(pelvis, angle, bend=6 if bending else 0, neck=12 if bending else 0,
                       left_hand=(-32, pelvis[1] + 12) if not bending else None,
                       right_hand=(32, pelvis[1] + 12) if not bending else (31, pelvis[1] + 44),
                       left_elbow=-1, right_elbow=1,
                       left_ankle=(ankles[0], ANKLE_FLOOR), right_ankle=(ankles[1], ANKLE_FLOOR),
                       right_arm_fill=ACCENT_FILL if bending else BODY)
    if bending:
        sh, hip_l = fig.joints["shoulder_l"], fig.joints["hip_l"]
        add_arm(fig, sh, (hip_l[0] - 12, hip_l[1] - 6), -1, 50, BODY)
    return fig


def standing_side_bend():
    start = place(side_bend(90), 0)
    then = place(side_bend(69), 320, centre_x=160)
    ghost = align(side_bend(90), then, "ankle_l")
    h = then.joints["head"]
    then_body = "\n".join([floor(320), ghost.svg(opacity=0.2), then.svg(),
                           arrow(polar(h, 110, 26), polar(h, 50, 44), polar(h, -10, 34))])
    return picture(
        "Standing side bend",
        "Seen from the front: standing tall with the arms by the sides, lean the upper body over to one side, "
        "letting that hand slide down the outside of the thigh towards the knee as far as is comfortable (the "
        "other hand can rest on the hip), then stand back up.",
        "\n".join([floor(), start.svg()]),
        then_body)


# ---- 10. gluteal stretch (sitting on the floor) --------------------------------------------------
def gluteal(crossed):
    hip = (0, HIP_LYING)
    straight = (THIGH + SHIN - 1, -9)
    if not crossed:
        return side_figure(hip, 96, neck=-6, near_hand=(-22, -6), far_hand=(-28, -6), near_elbow=1, far_elbow=1,
                           near_ankle=straight, far_ankle=polar(hip, 2, THIGH + SHIN), near_foot=75, far_foot=75)
    fig = side_figure(hip, 100, neck=-10, near_hand=None, far_hand=(-30, -6), far_elbow=1,
                      near_ankle=straight, near_foot=75,
                      far_ankle=(64, ANKLE_FLOOR), far_knee_bend=1, far_foot=0,
                      far_leg_fill=ACCENT_FILL, far_leg_layer=45)
    knee = fig.joints["far_knee"]
    add_arm(fig, fig.joints["arm_root"], (knee[0] + 10, knee[1] + 18), -1, 50, BODY)
    return fig


def gluteal_stretch():
    start = place(gluteal(False), 0)
    then = place(gluteal(True), 320)
    k = then.joints["far_knee"]
    then_body = "\n".join([floor(320), mat(340, 620), then.svg(),
                           arrow((k[0] + 22, k[1] + 4), (k[0] + 24, k[1] - 26), (k[0] - 2, k[1] - 30))])
    return picture(
        "Gluteal stretch",
        "Sitting on the floor with the legs out in front, bend one knee and cross that foot over the other leg; "
        "wrap the opposite arm around the bent knee and draw it across towards the opposite shoulder until the "
        "buttock feels a stretch, then hold.",
        "\n".join([floor(), mat(20, 300), start.svg()]),
        then_body)


# ---- 11. piriformis stretch (lying on the back, figure four) -------------------------------------
def piriformis(pulled):
    hip = (0, HIP_LYING)
    if not pulled:
        far_knee, far_ankle = ik(hip, (72, ANKLE_FLOOR), THIGH, SHIN, 1)
        far_foot = 0
        hands = (16, -6), (12, -6)
    else:
        far_knee = polar(hip, 104, THIGH)
        far_ankle = polar(far_knee, 2, SHIN)
        far_foot = 12
        hands = polar(far_knee, -40, 14), polar(far_knee, -45, 12)
    # The crossed leg: its knee points out towards us, so from the side the thigh looks short and
    # the shin lies across the top of the other knee, like the number 4.
    cross_ankle = polar(far_knee, 55, 13)  # resting just over the top of the other knee
    cross_knee = polar(far_knee, 182 if not pulled else 196, 34)
    fig = supine(polar(cross_ankle, 0, 1), far_ankle, near_knee=cross_knee, far_knee=far_knee,
                 near_hand=hands[0], far_hand=hands[1], near_elbow=1, far_elbow=1,
                 near_foot=0, far_foot=far_foot, near_leg_fill=ACCENT_FILL, far_leg_fill=FAR,
                 near_arm_layer=L_NEAR - 1)  # the arm reaches through, under the crossed leg
    return fig


def piriformis_stretch():
    start = place(piriformis(False), 0)
    then = place(piriformis(True), 320)
    k = then.joints["far_knee"]
    then_body = "\n".join([floor(320), mat(340, 620), then.svg(),
                           arrow((k[0] + 52, k[1] + 14), (k[0] + 44, k[1] - 26), (k[0] + 12, k[1] - 30))])
    return picture(
        "Piriformis stretch",
        "Lying on the back with one knee bent and the foot flat, rest the other ankle across that knee; then reach "
        "through and hold the supporting leg, drawing both legs towards the chest until the buttock feels a "
        "stretch, and hold.",
        "\n".join([floor(), mat(20, 300), start.svg()]),
        then_body)


# ---- 12. kneeling hip flexor stretch -------------------------------------------------------------
def half_kneel(hip):
    back_knee = (-19, -9)
    fig = side_figure(hip, 90, neck=0,
                      near_hand=None, far_hand=None,
                      near_ankle=(back_knee[0] - SHIN, -8), near_knee=back_knee, near_foot=185,
                      far_ankle=(62, -7), far_knee_bend=1, far_foot=0,
                      near_leg_fill=ACCENT_FILL, near_leg_layer=L_NEAR, far_leg_layer=45, far_leg_fill=BODY)
    knee = fig.joints["far_knee"]
    add_arm(fig, fig.joints["arm_root"], (knee[0] - 6, knee[1] - 12), -1, 15, FAR)
    add_arm(fig, fig.joints["arm_root"], (knee[0] - 2, knee[1] - 11), -1, 50, BODY)
    return fig


def kneeling_hip_flexor():
    back_knee = (-19, -9)
    start_hip = (0, back_knee[1] - math.sqrt(THIGH ** 2 - 19 ** 2))
    fwd = 22
    then_hip = (back_knee[0] + fwd + 19, back_knee[1] - math.sqrt(max(THIGH ** 2 - (fwd + 19 + 0) ** 2, 0)))
    start = place(half_kneel(start_hip), 0, centre_x=150)
    then = half_kneel(then_hip)
    shift = start.joints["near_knee"][0] - back_knee[0] + 320
    then = then.moved(shift, FLOOR_Y)
    hp = then.joints["hip"]
    then_body = "\n".join([floor(320), mat(335, 625), then.svg(),
                           arrow((hp[0] - 40, hp[1] - 8), (hp[0] - 26, hp[1] - 8), (hp[0] - 12, hp[1] - 8))])
    return picture(
        "Kneeling hip flexor stretch",
        "Half kneeling on a mat with one knee down and the other foot flat in front, hands on the front knee and "
        "the body upright, ease the hips forward until the front of the hip on the kneeling side feels a stretch, "
        "then hold.",
        "\n".join([floor(), mat(15, 305), start.svg()]),
        then_body)


PICTURES = {
    "cat-cow": cat_cow,
    "cobra": cobra,
    "knee-hugs": knee_hugs,
    "knee-rolls": knee_rolls,
    "seated-sciatic-nerve-floss": nerve_floss,
    "seated-flexion": seated_flexion,
    "mckenzie-side-glide": mckenzie,
    "standing-extension": standing_extension,
    "standing-side-bend": standing_side_bend,
    "gluteal-stretch": gluteal_stretch,
    "piriformis-stretch": piriformis_stretch,
    "kneeling-hip-flexor-stretch": kneeling_hip_flexor,
}


def main(ids):
    os.makedirs(OUT_DIR, exist_ok=True)
    for stretch_id in ids or PICTURES:
        path = os.path.join(OUT_DIR, f"{stretch_id}.svg")
        with open(path, "w", encoding="utf-8") as f:
            f.write(PICTURES[stretch_id]())
        print(os.path.relpath(path))


if __name__ == "__main__":
    main(sys.argv[1:])

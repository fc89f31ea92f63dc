/** ../shared/data/wish-reach-sample.json, copied verbatim (issue 25): the WIsH study's hand-counted numbers. */
export const wishReachSample = {
  'source':
    'WIsH resilience training study (Den Bosch), appendix: per WIsH lesson clip per class, as counted by hand by the researchers. school1: [views, likes, reactions]; school2: [likes, views] (lessons 4 and 5 were one clip there). null = no clip posted for that lesson. Views are page views, not families: they exceed the ~25 families of a class.',
  'school1': {
    'klas1': {
      '1': [31, 9, 0],
      '2': null,
      '3': [39, 9, 1],
      '4': null,
      '5': [32, 9, 0],
      '6': null,
      '7': [34, 10, 1],
      '8': [35, 4, 0],
    },
    'klas2': {
      '1': [36, 6, 1],
      '2': [39, 6, 0],
      '3': [38, 7, 2],
      '4': null,
      '5': [36, 6, 0],
      '6': [36, 6, 0],
      '7': [36, 11, 1],
      '8': [34, 5, 1],
    },
  },
  'school2_likes_views': {
    'MA': {
      '1': [2, 32],
      '2': [5, 27],
      '3': [1, 30],
      '4/5': [0, 30],
      '6': [1, 39],
      '7': [5, 32],
    },
    'MC': {
      '1': [9, 36],
      '2': [4, 23],
      '3': [5, 39],
      '4/5': [6, 44],
      '6': [4, 38],
      '7': [10, 38],
    },
    'MB': {
      '1': [4, 37],
      '2': [5, 36],
      '3': [2, 40],
      '4/5': [4, 43],
      '6': [1, 43],
      '7': null,
    },
    'MD': {
      '1': [1, 16],
      '2': [0, 17],
      '3': [0, 22],
      '4/5': null,
      '6': [3, 17],
      '7': [3, 18],
    },
  },
} as const;
